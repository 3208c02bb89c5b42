import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { listenOnLoopback } from './loopback-server.js';

/** One request a {@link TestProxy} handled: a CONNECT tunnel or a forwarded request. */
export interface ProxiedRequest {
  /** `CONNECT`, or the forwarded request's method. */
  readonly method: string;
  /** `host:port` for CONNECT, the absolute URL otherwise. */
  readonly target: string;
  /** The status the proxy itself answered with (200 for a tunnel it opened). */
  readonly status: number;
}

/** The login tests give a proxy that asks for one (the suite-wide secret check looks for it). */
export const TEST_PROXY_LOGIN = { username: 'proxyuser', password: 'proxy-pass-7Qm2' } as const;

/** A forward proxy on 127.0.0.1, like a site's squid: CONNECT tunnels and absolute-form. */
export interface TestProxy {
  /** `http://127.0.0.1:PORT`, or `https://…` with `tls` (without credentials). */
  readonly url: string;
  readonly requests: readonly ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * Starts a forward HTTP proxy: CONNECT opens a TCP tunnel to the target (for HTTPS), and a
 * request in absolute form (`GET http://host/path`) is forwarded (for plain HTTP). With
 * `login`, anything without that Basic `Proxy-Authorization` gets 407. Every request is
 * recorded; the tests check what went through it. With `tls`, clients speak TLS to the proxy
 * itself (an `https://` proxy).
 */
export async function startTestProxy(
  login?: Readonly<{ username: string; password: string }>,
  tls?: Readonly<{ cert: Buffer; key: Buffer }>,
): Promise<TestProxy> {
  const requests: ProxiedRequest[] = [];
  const tunnels = new Set<net.Socket>();
  const expected = login
    ? `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`
    : undefined;
  const allowed = (header: string | undefined): boolean => !expected || header === expected;

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const target = req.url ?? '';
    if (!allowed(req.headers['proxy-authorization'])) {
      requests.push({ method: req.method ?? '', target, status: 407 });
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"' }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      requests.push({ method: req.method ?? '', target, status: answer.statusCode ?? 0 });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once('error', () => {
      requests.push({ method: req.method ?? '', target, status: 502 });
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    if (!allowed(req.headers['proxy-authorization'])) {
      requests.push({ method: 'CONNECT', target, status: 407 });
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const colon = target.lastIndexOf(':');
    const upstream = net.connect(Number(target.slice(colon + 1)), target.slice(0, colon), () => {
      requests.push({ method: 'CONNECT', target, status: 200 });
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('error', () => {
      requests.push({ method: 'CONNECT', target, status: 502 });
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.once('close', () => tunnels.delete(socket));
    }
    client.once('error', () => upstream.destroy());
  });

  const listening = await listenOnLoopback(server, { scheme: tls ? 'https' : 'http' });
  return {
    url: listening.url,
    requests,
    stop: async () => {
      for (const socket of tunnels) socket.destroy();
      await listening.stop();
    },
  };
}

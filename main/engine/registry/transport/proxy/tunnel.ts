import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { SifportError } from '../../../errors.js';
import { joinHostPort, socketHost, unbracket } from '../hosts.js';
import { isSocksProxy, proxyAuthorization, proxyPort } from './settings.js';
import { socksConnect } from './socks.js';
import { isCertificateErrorCode } from '../tls-errors.js';

/** The error for a proxy that answered a request for a tunnel (or a request) with `status`. */
export function proxyRefused(proxy: URL, status: number, target: string): SifportError {
  if (status === 407) {
    return new SifportError(
      'AUTH_REQUIRED',
      `The proxy ${proxy.host} wants a login (407). Put it in the proxy setting: HTTPS_PROXY=http://USER:PASSWORD@${proxy.host}.`,
    );
  }
  return new SifportError(
    'NETWORK',
    `The proxy ${proxy.host} would not connect to ${target} (HTTP ${status}). Check the proxy, or list the registry in NO_PROXY to connect directly.`,
    { retryable: status === 502 || status === 503 || status === 504 },
  );
}

/** Trust settings for TLS to an `https://` proxy: the same as for registries. */
type ProxyTls = Pick<tls.ConnectionOptions, 'ca' | 'secureContext' | 'rejectUnauthorized'>;

const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * The error for a failed connection to `proxy` itself (refused, unknown, or a TLS failure of
 * an `https://` proxy); undefined for errors that are not about reaching the proxy.
 */
export function proxyConnectionError(
  proxy: URL,
  err: NodeJS.ErrnoException,
): SifportError | undefined {
  const code = err.code ?? '';
  if (isCertificateErrorCode(code)) {
    return new SifportError(
      'TLS',
      `The TLS certificate of the proxy ${proxy.host} was not accepted (${code}). If it uses a private CA, pass its certificate with --ca-file; --insecure skips verification.`,
      { cause: err },
    );
  }
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(err.message)) {
    return new SifportError(
      'TLS',
      `The proxy ${proxy.host} does not speak TLS: write its setting as http://${proxy.host}.`,
      { cause: err },
    );
  }
  if (!CONNECT_FAILURES.has(code)) return undefined;
  return new SifportError('NETWORK', `Cannot reach the proxy ${proxy.host}: ${code}.`, {
    retryable: code !== 'ENOTFOUND',
    cause: err,
  });
}

/** Opens a TCP tunnel to `host:port` through an HTTP proxy's CONNECT (over TLS for https://). */
function connectTunnel(
  proxy: URL,
  host: string,
  port: number,
  proxyTls: ProxyTls,
): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const target = joinHostPort(host, port);
    const auth = proxyAuthorization(proxy);
    const options = {
      host: socketHost(proxy),
      port: proxyPort(proxy),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(auth ? { 'proxy-authorization': auth } : {}) },
      agent: false as const,
    };
    const request =
      proxy.protocol === 'https:'
        ? https.request({ ...options, ...proxyTls, servername: proxyServerName(proxy) })
        : http.request(options);
    request.once('connect', (response, socket, head) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        reject(proxyRefused(proxy, response.statusCode ?? 0, target));
        return;
      }
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    request.once('error', (err) =>
      reject(
        proxyConnectionError(proxy, err) ??
          new SifportError('NETWORK', `Cannot reach the proxy ${proxy.host}: ${err.message}.`, {
            retryable: true,
            cause: err,
          }),
      ),
    );
    request.end();
  });
}

/**
 * The TLS server name of an `https://` proxy: its host name, or '' for an IP address (checked
 * against the address then). Always explicit: node:https would otherwise take it from the
 * Host header, which names the registry.
 */
export function proxyServerName(proxy: URL): string {
  const host = socketHost(proxy);
  return isIP(host) ? '' : host;
}

/** A TCP connection to `host:port` through `proxy`: a CONNECT tunnel or SOCKS5. */
function openTunnel(proxy: URL, host: string, port: number, proxyTls: ProxyTls): Promise<Duplex> {
  return isSocksProxy(proxy)
    ? socksConnect(proxy, host, port)
    : connectTunnel(proxy, host, port, proxyTls);
}

/** The target of an agent's connection, as sockets take it (IPv6 without brackets). */
function targetOf(options: http.RequestOptions, defaultPort: number): [string, number] {
  const host = unbracket(options.host ?? 'localhost');
  return [host, Number(options.port ?? defaultPort)];
}

/**
 * An https.Agent that reaches each registry through a proxy's tunnel (CONNECT, or SOCKS5),
 * with TLS running end to end between us and the registry (the proxy sees only the host
 * name). Keep-alive pooling works as usual: one pool per registry host.
 */
export class TunnelingAgent extends https.Agent {
  private readonly proxyTls: ProxyTls;

  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
  ) {
    super(options);
    this.proxyTls = {
      ca: options.ca,
      secureContext: options.secureContext,
      rejectUnauthorized: options.rejectUnauthorized,
    };
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    // Agent's asynchronous form: the socket (or the error) arrives through the callback.
    const [host, port] = targetOf(options, 443);
    openTunnel(this.proxy, host, port, this.proxyTls).then(
      (socket) => callback?.(null, tls.connect({ ...(options as tls.ConnectionOptions), socket })),
      (err: Error) => callback?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

/**
 * An http.Agent for plain-HTTP registries behind a SOCKS5 proxy: each connection is a SOCKS
 * tunnel, and requests go in the usual origin form. (HTTP proxies take plain HTTP as
 * absolute-form requests instead; see NodeHttpTransport.)
 */
export class SocksHttpAgent extends http.Agent {
  constructor(
    private readonly proxy: URL,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    const [host, port] = targetOf(options, 80);
    socksConnect(this.proxy, host, port).then(
      (socket) => callback?.(null, socket),
      (err: Error) => callback?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

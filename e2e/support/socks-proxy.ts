import net, { type AddressInfo } from 'node:net';

/** The login tests give a SOCKS proxy that asks for one (the suite's secret check looks for it). */
export const TEST_SOCKS_LOGIN = { username: 'socksuser', password: 'socks-pass-4Kd9' } as const;

/** One CONNECT a {@link TestSocksProxy} was asked for. */
export interface SocksRequest {
  /** `host:port` as the client sent it (names unresolved, IPv6 in brackets). */
  readonly target: string;
  /** The reply code the proxy sent (0 = connected). */
  readonly reply: number;
}

/** A SOCKS5 proxy on 127.0.0.1, like `ssh -D`. */
export interface TestSocksProxy {
  /** `socks5://127.0.0.1:PORT` (without credentials). */
  readonly url: string;
  readonly requests: readonly SocksRequest[];
  stop(): Promise<void>;
}

export interface TestSocksOptions {
  /** Ask for this RFC 1929 login; refuse clients that do not offer it. */
  readonly login?: Readonly<{ username: string; password: string }>;
  /** Answer every CONNECT with this reply code instead of connecting. */
  readonly refuseWith?: number;
  /** Accept the connection and never answer (to test the client's timeout). */
  readonly silent?: boolean;
}

function readTarget(request: Buffer): { host: string; port: number; length: number } | undefined {
  const type = request[3];
  let host: string;
  let end: number;
  if (type === 1) {
    end = 8;
    host = [...request.subarray(4, 8)].join('.');
  } else if (type === 4) {
    end = 20;
    const groups: string[] = [];
    for (let i = 4; i < 20; i += 2) groups.push(request.readUInt16BE(i).toString(16));
    host = groups.join(':');
  } else if (type === 3) {
    end = 5 + request[4]!;
    host = request.subarray(5, end).toString('utf8');
  } else {
    return undefined;
  }
  if (request.length < end + 2) return undefined;
  return { host, port: request.readUInt16BE(end), length: end + 2 };
}

/**
 * Starts a SOCKS5 server (RFC 1928 CONNECT, RFC 1929 login when asked) that relays to the
 * requested target and records every CONNECT. Enough for the engine's SOCKS client; not a
 * general-purpose proxy.
 */
export async function startTestSocksProxy(options: TestSocksOptions = {}): Promise<TestSocksProxy> {
  const requests: SocksRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (options.silent) return;
    let stage: 'greeting' | 'login' | 'request' = 'greeting';
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (stage === 'greeting') {
        if (buffered.length < 2 || buffered.length < 2 + buffered[1]!) return;
        const methods = [...buffered.subarray(2, 2 + buffered[1]!)];
        buffered = buffered.subarray(2 + buffered[1]!);
        const wanted = options.login ? 2 : 0;
        if (!methods.includes(wanted)) {
          client.end(Buffer.from([5, 0xff]));
          return;
        }
        client.write(Buffer.from([5, wanted]));
        stage = options.login ? 'login' : 'request';
      }
      if (stage === 'login') {
        if (buffered.length < 2) return;
        const userEnd = 2 + buffered[1]!;
        if (buffered.length < userEnd + 1 || buffered.length < userEnd + 1 + buffered[userEnd]!)
          return;
        const user = buffered.subarray(2, userEnd).toString('utf8');
        const pass = buffered.subarray(userEnd + 1, userEnd + 1 + buffered[userEnd]!).toString();
        buffered = buffered.subarray(userEnd + 1 + buffered[userEnd]!);
        const ok = user === options.login!.username && pass === options.login!.password;
        client.write(Buffer.from([1, ok ? 0 : 1]));
        if (!ok) {
          client.end();
          return;
        }
        stage = 'request';
      }
      if (stage === 'request') {
        if (buffered.length < 5) return;
        const target = readTarget(buffered);
        if (!target) return;
        client.off('data', onData);
        const rest = buffered.subarray(target.length);
        const name = target.host.includes(':') ? `[${target.host}]` : target.host;
        const reply = (code: number): Buffer => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0]);
        if (options.refuseWith !== undefined) {
          requests.push({ target: `${name}:${target.port}`, reply: options.refuseWith });
          client.end(reply(options.refuseWith));
          return;
        }
        const upstream = net.connect({ host: target.host, port: target.port });
        let connected = false;
        sockets.add(upstream);
        upstream.once('close', () => sockets.delete(upstream));
        upstream.once('error', () => {
          if (!connected) {
            requests.push({ target: `${name}:${target.port}`, reply: 5 });
            client.end(reply(5));
          } else {
            client.destroy();
          }
        });
        upstream.once('connect', () => {
          connected = true;
          requests.push({ target: `${name}:${target.port}`, reply: 0 });
          client.write(reply(0));
          if (rest.length > 0) upstream.write(rest);
          client.pipe(upstream).pipe(client);
        });
      }
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `socks5://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

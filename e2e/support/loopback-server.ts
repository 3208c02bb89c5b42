import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on 127.0.0.1, with the addresses a client needs. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` (`https://` for a TLS server). */
  readonly url: string;
  /** `127.0.0.1:PORT` */
  readonly host: string;
  readonly port: number;
  /** Stops listening and drops every open connection. */
  stop(): Promise<void>;
}

/**
 * Starts `server` on 127.0.0.1, on `port` or else a free one; rejects when it cannot listen.
 * `scheme` only shapes the returned URL.
 */
export async function listenOnLoopback(
  server: Server,
  { port: wanted = 0, scheme = 'http' }: { port?: number; scheme?: 'http' | 'https' } = {},
): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

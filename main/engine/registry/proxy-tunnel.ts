import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { SifportError } from '../errors.js';
import { socketHost } from './hosts.js';
import { proxyAuthorization } from './proxy-settings.js';

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

/**
 * An https.Agent that reaches each registry through an HTTP proxy's CONNECT tunnel, with TLS
 * running end to end between us and the registry (the proxy sees only the host name).
 * Keep-alive pooling works as usual: one pool per registry host.
 */
export class TunnelingAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    // Agent's asynchronous form: the socket (or the error) arrives through the callback.
    const done = (err: Error | null, stream?: Duplex): void => callback?.(err, stream as Duplex);
    const target = `${options.host ?? 'localhost'}:${options.port ?? 443}`;
    const auth = proxyAuthorization(this.proxy);
    const request = http.request({
      host: socketHost(this.proxy),
      port: Number(this.proxy.port || 80),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(auth ? { 'proxy-authorization': auth } : {}) },
      agent: false,
    });
    request.once('connect', (response, socket, head) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(proxyRefused(this.proxy, response.statusCode ?? 0, target));
        return;
      }
      if (head.length > 0) socket.unshift(head);
      done(null, tls.connect({ ...(options as tls.ConnectionOptions), socket }));
    });
    request.once('error', (err) =>
      done(
        new SifportError(
          'NETWORK',
          `Cannot reach the proxy ${this.proxy.host}: ${(err as NodeJS.ErrnoException).code ?? err.message}.`,
          { retryable: true, cause: err },
        ),
      ),
    );
    request.end();
    return undefined;
  }
}

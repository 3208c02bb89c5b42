import net from 'node:net';
import tls from 'node:tls';
import { socketHost } from './hosts.js';

/** A TLS connection to `url`'s host for one HTTP/1.1 exchange (SNI unless an IP address). */
export function connectTls(url: URL, options: tls.ConnectionOptions): tls.TLSSocket {
  const host = socketHost(url);
  return tls.connect({
    ...options,
    host,
    port: Number(url.port || 443),
    ...(net.isIP(host) ? {} : { servername: host }),
    ALPNProtocols: ['http/1.1'],
  });
}

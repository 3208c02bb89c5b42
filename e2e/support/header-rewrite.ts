import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Headers that describe one connection and must not be copied across a proxy (RFC 9110 §7.6.1). */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Headers whose URLs must point at the proxy, not at the upstream. */
const urlHeaders = new Set(['location', 'link']);

/**
 * Copies end-to-end headers. `host` is dropped too so Node sets the upstream's, which is what
 * distribution uses to build absolute `Location` URLs.
 */
export function forwardRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || name === 'host') continue;
    out[name] = value;
  }
  return out;
}

/**
 * Copies end-to-end response headers, rewriting `Location` and `Link` values that name the
 * upstream origin (e.g. `http://127.0.0.1:5000`) to name the proxy instead. Relative URLs are
 * left alone: they already resolve against the proxy.
 */
export function forwardResponseHeaders(
  headers: IncomingHttpHeaders,
  upstreamOrigin: string,
  proxyOrigin: string,
): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const rewrite = (value: string): string => value.split(upstreamOrigin).join(proxyOrigin);
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name)) continue;
    if (!urlHeaders.has(name)) out[name] = value;
    else out[name] = Array.isArray(value) ? value.map(rewrite) : rewrite(value);
  }
  return out;
}

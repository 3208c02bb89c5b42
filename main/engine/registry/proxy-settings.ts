import { isIP } from 'node:net';
import { SifportError } from '../errors.js';
import { registerBasicCredential } from '../redact.js';
import { isLoopbackHost, socketHost } from './hosts.js';

/**
 * Which HTTP proxy to use, as `apptainer` (Go's `ProxyFromEnvironment`) reads it from
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY (or their lower-case forms).
 */
export interface ProxySettings {
  /** Proxy for https:// URLs (`http://[user:pass@]host:port` or `socks5://…`). */
  readonly httpsProxy?: string | undefined;
  /** Proxy for http:// URLs. */
  readonly httpProxy?: string | undefined;
  /** Comma- or space-separated hosts, domains (`.example.com`, `example.com`), IPs or `*`. */
  readonly noProxy?: string | undefined;
  /**
   * Never proxy localhost and loopback addresses (Go's rule, and the default). Tests that run
   * a proxy and a registry on 127.0.0.1 turn it off.
   */
  readonly bypassLoopback?: boolean | undefined;
}

/** The proxy settings in `env` (upper-case names win, as in Go). */
export function proxySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ProxySettings {
  return {
    httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
    httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
    noProxy: env.NO_PROXY || env.no_proxy || undefined,
  };
}

function excluded(host: string, port: string, noProxy: string): boolean {
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const withPort = isIP(entry) ? undefined : /^(.*):(\d+)$/.exec(entry);
    const name = (withPort?.[1] ?? entry).replace(/^\[|\]$/g, '');
    const entryPort = withPort?.[2] ?? '';
    if (entryPort && entryPort !== port) continue;
    if (isIP(name)) {
      if (name === host) return true;
      continue;
    }
    const domain = name.startsWith('.') ? name.slice(1) : name;
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

const SUPPORTED_PROXY_SCHEMES = new Set(['http:', 'https:', 'socks5:', 'socks5h:']);

/** True for a SOCKS5 proxy URL (`socks5://` or `socks5h://`: both let the proxy resolve). */
export function isSocksProxy(proxy: URL): boolean {
  return proxy.protocol === 'socks5:' || proxy.protocol === 'socks5h:';
}

/** The proxy's port: as given, else the scheme's default (as Go takes them). */
export function proxyPort(proxy: URL): number {
  if (proxy.port) return Number(proxy.port);
  if (proxy.protocol === 'https:') return 443;
  return isSocksProxy(proxy) ? 1080 : 80;
}

/**
 * The proxy to reach `url` through, or undefined to connect directly. HTTP proxies, spoken to
 * in plain HTTP (`http://`) or over TLS (`https://`), and SOCKS5 (`socks5://`, e.g. `ssh -D`)
 * are supported; CONNECT and SOCKS tunnels carry the registry's own TLS end to end. Anything
 * else is a clear error rather than a silent direct connection.
 */
export function proxyFor(url: URL, settings: ProxySettings): URL | undefined {
  const raw = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (!raw) return undefined;
  const host = socketHost(url).toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (settings.bypassLoopback !== false && isLoopbackHost(url.host)) return undefined;
  if (settings.noProxy && excluded(host, port, settings.noProxy)) return undefined;
  let proxy: URL;
  try {
    proxy = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new SifportError(
      'CONFIG_INVALID',
      `The proxy setting "${raw.replace(/\/\/[^@/]*@/, '//***@')}" is not a URL; use http://HOST:PORT.`,
    );
  }
  if (!SUPPORTED_PROXY_SCHEMES.has(proxy.protocol)) {
    throw new SifportError(
      'UNSUPPORTED',
      `Only http://, https:// and socks5:// proxies are supported (got ${proxy.protocol}//${proxy.host}); the registry's own TLS still runs end to end through them.`,
    );
  }
  return proxy;
}

/**
 * The `Proxy-Authorization` value for a proxy URL with credentials, if it has any. The
 * password and the header are registered as secrets, so no log or message shows them.
 */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  registerBasicCredential(user, pass);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

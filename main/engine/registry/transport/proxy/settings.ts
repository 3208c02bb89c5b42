import { isIP } from 'node:net';
import { SifportError } from '../../../errors.js';
import { registerBasicCredential } from '../../../redact.js';
import { isLoopbackHost, socketHost, unbracket } from '../hosts.js';

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
  /**
   * The desktop's own proxy settings (system settings, PAC files), asked only when neither
   * HTTPS_PROXY nor HTTP_PROXY is set: resolves a URL to a PAC result such as
   * `PROXY host:port; DIRECT`. The desktop app passes Chromium's resolver.
   */
  readonly systemProxy?: ((url: URL) => Promise<string>) | undefined;
}

/** PAC keywords (as Chromium reports them) and the proxy scheme each stands for. */
const PAC_SCHEMES: Record<string, string> = {
  PROXY: 'http',
  HTTP: 'http',
  HTTPS: 'https',
  SOCKS5: 'socks5',
};

/**
 * The proxy a PAC result names (`PROXY a:3128; SOCKS5 b:1080; DIRECT`): the first entry
 * Sifport can use, or undefined for DIRECT. Entries it cannot use (SOCKS4, QUIC) are
 * skipped; a result with nothing usable and no DIRECT is UNSUPPORTED.
 */
export function proxyFromPacResult(result: string): URL | undefined {
  const entries = result
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [keyword = '', hostPort] = entry.split(/\s+/);
    if (keyword.toUpperCase() === 'DIRECT') return undefined;
    const scheme = PAC_SCHEMES[keyword.toUpperCase()];
    if (scheme && hostPort) return new URL(`${scheme}://${hostPort}`);
  }
  if (entries.length === 0) return undefined;
  throw new SifportError(
    'UNSUPPORTED',
    `The system proxy settings name only proxies Sifport cannot use (${entries.join('; ')}); set HTTPS_PROXY to an http://, https:// or socks5:// proxy.`,
  );
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
    const name = unbracket(withPort?.[1] ?? entry);
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

/** True when `url` is never proxied: loopback (unless turned off) or listed in NO_PROXY. */
function goesDirect(url: URL, settings: ProxySettings): boolean {
  if (settings.bypassLoopback !== false && isLoopbackHost(url.host)) return true;
  const host = socketHost(url).toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return settings.noProxy !== undefined && excluded(host, port, settings.noProxy);
}

/**
 * {@link proxyFor}, falling back to the desktop's proxy settings (`systemProxy`) when the
 * environment names no proxy at all, as a desktop user expects. Loopback and NO_PROXY still
 * go direct.
 */
export async function chooseProxy(url: URL, settings: ProxySettings): Promise<URL | undefined> {
  const { systemProxy } = settings;
  if (settings.httpsProxy || settings.httpProxy || !systemProxy) return proxyFor(url, settings);
  if (goesDirect(url, settings)) return undefined;
  let result: string;
  try {
    result = await systemProxy(url);
  } catch (error) {
    throw new SifportError(
      'NETWORK',
      `Could not read the system proxy settings for ${url.host}: ${(error as Error).message}. Set HTTPS_PROXY (or NO_PROXY) to decide yourself.`,
      { cause: error },
    );
  }
  return proxyFromPacResult(result);
}

/**
 * The proxy to reach `url` through, or undefined to connect directly. HTTP proxies, spoken to
 * in plain HTTP (`http://`) or over TLS (`https://`), and SOCKS5 (`socks5://`, e.g. `ssh -D`)
 * are supported; CONNECT and SOCKS tunnels carry the registry's own TLS end to end. Anything
 * else is a clear error rather than a silent direct connection.
 */
export function proxyFor(url: URL, settings: ProxySettings): URL | undefined {
  const raw = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (!raw || goesDirect(url, settings)) return undefined;
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

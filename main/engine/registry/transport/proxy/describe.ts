import type { ProxySettings } from './settings.js';

/**
 * The proxy settings as the window's Settings (UI.md S13 Network) may show them: where they
 * come from and which proxies, with every user name and password taken out.
 */
export interface ProxySummary {
  /**
   * `environment`: HTTPS_PROXY / HTTP_PROXY; `system`: the desktop's settings (PAC and WPAD
   * included), asked per registry; `none`: every registry is reached directly.
   */
  readonly source: 'environment' | 'system' | 'none';
  readonly httpsProxy?: string;
  readonly httpProxy?: string;
  readonly noProxy?: string;
  /** Loopback registries go direct (Go's rule, on unless a test turns it off). */
  readonly bypassLoopback: boolean;
}

/**
 * `proxy` with its credentials removed: `http://user:pass@p:3128` → `http://p:3128`. A value
 * that is not a URL keeps only what follows its last `@`, so nothing before it can leak.
 */
export function withoutCredentials(proxy: string): string {
  const raw = proxy.trim();
  try {
    const url = new URL(raw.includes('://') ? raw : `http://${raw}`);
    url.username = '';
    url.password = '';
    const shown = url.href.replace(/\/$/, '');
    return raw.includes('://') ? shown : shown.replace(/^http:\/\//, '');
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
    const rest = raw.slice(scheme.length);
    return scheme + rest.slice(rest.lastIndexOf('@') + 1);
  }
}

/** What {@link ProxySummary} says about `settings` (the engine's own, as requests use them). */
export function describeProxy(settings: ProxySettings): ProxySummary {
  const fromEnv = Boolean(settings.httpsProxy || settings.httpProxy);
  const source = fromEnv ? 'environment' : settings.systemProxy ? 'system' : 'none';
  return {
    source,
    ...(settings.httpsProxy ? { httpsProxy: withoutCredentials(settings.httpsProxy) } : {}),
    ...(settings.httpProxy ? { httpProxy: withoutCredentials(settings.httpProxy) } : {}),
    ...(settings.noProxy ? { noProxy: settings.noProxy } : {}),
    bypassLoopback: settings.bypassLoopback !== false,
  };
}

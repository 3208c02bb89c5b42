import { session } from 'electron';

/**
 * The desktop's proxy for `url` as a PAC result (`PROXY host:port; DIRECT`), from Chromium:
 * system settings, WPAD and PAC files included. The engine asks it only when no proxy
 * variable is set (see chooseProxy).
 */
export function systemProxy(url: URL): Promise<string> {
  return session.defaultSession.resolveProxy(url.href);
}

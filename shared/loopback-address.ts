/**
 * Where the page finds the loopback host's socket (`main/app/loopback-host.ts`). Kept apart
 * from the zod schemas so the renderer's first chunk can read it without loading them.
 */

/** Path prefix of the socket; the secret token follows it (`/ipc/TOKEN`). */
export const SOCKET_PATH_PREFIX = '/ipc/';

/**
 * Name of the page URL's fragment parameter that carries the token (`#token=…`). A fragment
 * never reaches a server, a log or a `Referer` header.
 */
export const TOKEN_FRAGMENT_KEY = 'token';

/** Location fields the socket address is derived from (the page's `window.location`). */
export interface PageLocation {
  readonly protocol: string;
  readonly host: string;
  readonly hash: string;
}

/**
 * The socket address for a page served by the loopback host, `ws://HOST/ipc/TOKEN`, or
 * undefined when the page URL carries no token (then no loopback host served it).
 */
export function socketUrlFor(location: PageLocation): string | undefined {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_FRAGMENT_KEY);
  if (!token || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SOCKET_PATH_PREFIX}${token}`;
}

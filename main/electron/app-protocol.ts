import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { contentSecurityPolicy, newNonce, withNonce } from '../app/page-policy.js';
import { CONTENT_TYPES, staticPath } from '../app/static-files.js';

/** The window's scheme (Electron security checklist item 18: a custom protocol, not file://). */
export const APP_SCHEME = 'app';
/** The window's host under {@link APP_SCHEME}. */
export const APP_HOST = 'sifport';
/** The window's origin; the IPC sender check accepts exactly this. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True when `url` is on our origin. Compared by scheme and host because Node's URL (unlike
 * Chromium, which knows `app:` is a standard scheme) gives custom schemes the origin "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Declares `app://` a standard, secure scheme. Must run before the app is ready (Electron
 * allows `registerSchemesAsPrivileged` only then).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * Answers one `app://` request from the built renderer in `root`: GET of regular files only,
 * only on our host; an HTML page gets a fresh CSP nonce and the strict policy.
 */
export async function answerAppRequest(root: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!isAppUrl(request.url)) return refuse(404, 'Not found');
  if (request.method !== 'GET') return refuse(405, 'Method not allowed');
  const file = staticPath(root, url.pathname);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) return refuse(404, 'Not found');
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (extname(file) === '.html') {
    const nonce = newNonce();
    headers['Content-Security-Policy'] = contentSecurityPolicy(nonce);
    return new Response(withNonce(await readFile(file, 'utf8'), nonce), { headers });
  }
  return new Response(await readFile(file), { headers });
}

/** Serves the window from `root` on `app://sifport/` (after the app is ready). */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(root, request));
}

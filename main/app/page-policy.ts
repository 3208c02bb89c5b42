import { randomBytes } from 'node:crypto';

/**
 * The window's Content Security Policy, one definition for both hosts (the Electron `app://`
 * protocol and the loopback host): scripts and styles only from the bundle, no inline code,
 * no remote content, no framing. A library that must inject a `<style>` (React Aria) takes
 * the per-load nonce from `<meta property="csp-nonce">` (UI.md §7), so `'unsafe-inline'` is
 * never needed. `connect` lists what the page may connect to besides its own origin (the
 * loopback host's WebSocket).
 */
export function contentSecurityPolicy(nonce: string, connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** A fresh nonce for one page load (128 bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Marks where the nonce goes in `renderer/index.html`. */
export const NONCE_META = '<meta property="csp-nonce" content="" />';

/**
 * The page's HTML for one load: the nonce written into its `csp-nonce` meta tag. A page
 * without the tag is sent as it is (it then cannot inject styles, which the CSP refuses);
 * a test checks that the built window has the tag.
 */
export function withNonce(html: string, nonce: string): string {
  return html.replace(NONCE_META, `<meta property="csp-nonce" content="${nonce}" />`);
}

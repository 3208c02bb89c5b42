import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy, newNonce, withNonce } from './page-policy.js';

/** Content types of the files the renderer build holds. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Headers on every answer: no sniffing, no caching of a build that changes between runs,
 * and no framing by another page (`frame-ancestors` cannot be set from a `<meta>` CSP).
 */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/**
 * The file under `root` that a URL path names, or undefined when the path escapes `root`
 * or cannot be decoded. `/` is `index.html`.
 */
export function staticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file.startsWith(base + sep) ? file : undefined;
}

/**
 * Serves the built renderer (`dist-web/`) read-only: GET and HEAD of regular files under
 * `root`, nothing else. Scripts and styles go byte for byte; an HTML page gets a fresh CSP
 * nonce and the strict policy of `page-policy.ts`, allowing connections to `connect` too.
 */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  connect: readonly string[] = [],
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refuse(res, 405, 'Method not allowed');
    return;
  }
  const file = staticPath(root, new URL(req.url ?? '/', 'http://host').pathname);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    refuse(res, 404, 'Not found');
    return;
  }
  if (extname(file) === '.html') {
    const nonce = newNonce();
    const html = Buffer.from(withNonce(await readFile(file, 'utf8'), nonce));
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy(nonce, connect),
      'Content-Type': CONTENT_TYPES['.html']!,
      'Content-Length': String(html.length),
    });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

import { TOKEN_FRAGMENT_KEY } from '../../shared/loopback-address.js';

/** Mirrors `main/app/upload-endpoint.ts`. */
const UPLOAD_PATH = '/upload';
const TOKEN_HEADER = 'x-sifport-token';
const NAME_HEADER = 'x-sifport-file-name';

/**
 * Streams a dropped file to the loopback host (browser mode only: a browser gives dropped
 * files no path) and returns where the host keeps the copy. Errors come back as the host's
 * sentence ("Not enough space…").
 */
export async function uploadFile(file: File): Promise<string> {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get(TOKEN_FRAGMENT_KEY);
  if (!token) throw new Error('This page was not opened by a Sifport host.');
  const response = await fetch(UPLOAD_PATH, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: token, [NAME_HEADER]: encodeURIComponent(file.name) },
    body: file,
  });
  const body = (await response.json().catch(() => undefined)) as
    { ok: true; path: string } | { ok: false; error: { message: string } } | undefined;
  if (!body) throw new Error(`The host refused the upload (HTTP ${response.status}).`);
  if (!body.ok) throw new Error(body.error.message);
  return body.path;
}

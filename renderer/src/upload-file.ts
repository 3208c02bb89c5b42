import type { UploadOptions } from '../../shared/contract.js';
import { TOKEN_FRAGMENT_KEY } from '../../shared/loopback-address.js';

/** Mirrors `main/app/upload-endpoint.ts`. */
const UPLOAD_PATH = '/upload';
const TOKEN_HEADER = 'x-sifport-token';
const NAME_HEADER = 'x-sifport-file-name';

type UploadAnswer = { ok: true; path: string } | { ok: false; error: { message: string } };

/**
 * Streams a dropped file to the loopback host (browser mode only: a browser gives dropped
 * files no path) and returns where the host keeps the copy. Errors come back as the host's
 * sentence ("Not enough space…"). XMLHttpRequest rather than fetch, because only it reports
 * how much of a request body has been sent (the push sheet shows it).
 */
export function uploadFile(file: File, options: UploadOptions = {}): Promise<string> {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get(TOKEN_FRAGMENT_KEY);
  if (!token) return Promise.reject(new Error('This page was not opened by a Sifport host.'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_PATH);
    xhr.setRequestHeader(TOKEN_HEADER, token);
    xhr.setRequestHeader(NAME_HEADER, encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded);
    xhr.onload = () => {
      const body = xhr.response as UploadAnswer | null;
      if (!body) reject(new Error(`The host refused the upload (HTTP ${xhr.status}).`));
      else if (!body.ok) reject(new Error(body.error.message));
      else resolve(body.path);
    };
    xhr.onerror = () => reject(new Error('The upload to the Sifport host failed.'));
    xhr.onabort = () =>
      reject(Object.assign(new Error('The upload was cancelled.'), { code: 'CANCELLED' }));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

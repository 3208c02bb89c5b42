import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SifportError, toSifportError } from '../engine/errors.js';
import { PROFILE_FILES } from '../engine/profile/profile-layout.js';
import { statfsFreeSpace, type FreeSpaceProbe } from '../engine/transfers/download/disk-space.js';

/** Path of the browser mode's upload endpoint. */
export const UPLOAD_PATH = '/upload';
/** Request header that carries the session token (the page has it from the URL fragment). */
export const UPLOAD_TOKEN_HEADER = 'x-sifport-token';
/** Request header with the dropped file's name (URI-encoded), used only to name the copy. */
export const UPLOAD_NAME_HEADER = 'x-sifport-file-name';
/** Room left free on the disk after an upload, so the profile never fills it to the last byte. */
const SPARE_BYTES = 64 * 1024 * 1024;

/** What {@link handleUpload} needs from the loopback host. */
export interface UploadOptions {
  /** Folder of the profile that holds uploads until their push ends. */
  readonly dir: string;
  /** True when the request carries the session token and comes from the page's origin. */
  readonly authorized: (req: IncomingMessage) => boolean;
  readonly freeSpace?: FreeSpaceProbe;
}

/** A safe file name for the copy: the dropped name's letters, digits, `._-`, at most 100. */
export function uploadFileName(header: string | undefined): string {
  let name = 'dropped.sif';
  try {
    if (header) name = decodeURIComponent(header);
  } catch {
    // keep the default
  }
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[.]+/, '')
    .slice(-100);
  return `${randomBytes(6).toString('hex')}-${safe || 'dropped.sif'}`;
}

/**
 * The name a dropped file had, from its copy's path: the copy is `HEX12-name` (see
 * {@link uploadFileName}) directly in the profile's uploads folder; any other path is its own
 * base name. The transfer list shows what the user dropped, not the copy's name.
 */
export function droppedFileName(path: string): string {
  const name = basename(path);
  return basename(dirname(path)) === PROFILE_FILES.uploads
    ? name.replace(/^[0-9a-f]{12}-(?=.)/, '')
    : name;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function fail(res: ServerResponse, status: number, error: SifportError): void {
  answer(res, status, { ok: false, error: error.toInfo() });
}

/**
 * The browser mode's way in for a dropped file (issue #11): a browser gives a dropped file
 * no path, so the page streams its bytes here (`POST /upload`, the body is the file) and
 * pushes the copy this writes in the profile (0600, a fresh name, never an existing file).
 * Refused without the session token or from another origin, without a length, or when the
 * disk cannot hold it; a cut-short upload leaves nothing behind. The copy is removed when
 * its push ends (`TemporaryUploads`).
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  options: UploadOptions,
): Promise<void> {
  if (req.method !== 'POST') {
    fail(res, 405, new SifportError('USAGE', 'Uploads are POST requests.'));
    return;
  }
  if (!options.authorized(req)) {
    fail(res, 403, new SifportError('DENIED', 'This upload does not come from the Sifport page.'));
    return;
  }
  const length = Number(req.headers['content-length']);
  if (!Number.isSafeInteger(length) || length <= 0) {
    fail(res, 411, new SifportError('USAGE', 'An upload needs a Content-Length (the file size).'));
    return;
  }
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const free = await (options.freeSpace ?? statfsFreeSpace)(options.dir);
  if (free !== undefined && free - SPARE_BYTES < length) {
    const gb = (n: number) => `${(n / 1e9).toFixed(2)} GB`;
    fail(
      res,
      507,
      new SifportError(
        'FILE_ERROR',
        `Not enough space to take the dropped file (${gb(length)}): ${options.dir} has ${gb(Math.max(0, free))} free. Free some space, or push it with the desktop app or \`sifport push\`.`,
      ),
    );
    return;
  }
  const path = join(options.dir, uploadFileName(req.headers[UPLOAD_NAME_HEADER] as string));
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  let received = 0;
  try {
    req.on('data', (chunk: Buffer) => (received += chunk.length));
    await pipeline(req, handle.createWriteStream());
    if (received !== length) {
      throw new SifportError('NETWORK', `The upload ended after ${received} of ${length} bytes.`, {
        retryable: true,
      });
    }
    answer(res, 200, { ok: true, path, size: received });
  } catch (err) {
    await rm(path, { force: true });
    const error = toSifportError(err);
    if (!res.headersSent && !res.destroyed) fail(res, 400, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

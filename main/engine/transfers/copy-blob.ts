import { PassThrough, type Readable } from 'node:stream';
import { SifportError, toSifportError } from '../errors.js';
import { openBlob } from '../registry/blobs.js';
import { locationOf, type RegistryClient } from '../registry/client.js';
import { errorFromResponse } from '../registry/transport/response-error.js';
import { pushScope } from '../registry/auth/scopes.js';
import {
  cancelUpload,
  finishUpload,
  nextOffsetFromRange,
  startUpload,
  uploadStatus,
  type UploadSession,
} from '../registry/upload-session.js';

/** Smallest PATCH a copy shrinks to after `413` answers, in bytes. */
const MIN_CHUNK = 1024 * 1024;
/** First chunk size after a `413` to a whole-blob PATCH, in bytes. */
const FIRST_SMALLER_CHUNK = 64 * 1024 * 1024;

/** One blob to stream from a repository of one registry into a repository of another. */
export interface StreamBlobOptions {
  readonly from: { readonly client: RegistryClient; readonly repository: string };
  readonly to: { readonly client: RegistryClient; readonly repository: string };
  readonly digest: string;
  /** Bytes, from the manifest's descriptor. */
  readonly size: number;
  /** A session to use first (a mount attempt that answered 202). */
  readonly session?: URL | undefined;
  /** Bytes per PATCH (default: the whole blob in one); halved after each `413`. */
  readonly chunkSize?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called as bytes leave for the target, with this blob's bytes acknowledged or in flight. */
  readonly onBytes?: ((sent: number) => void) | undefined;
}

/**
 * Copies one blob without a local file (oras.md §3.2, §3.3): each PATCH's body is the
 * source's `GET` (with `Range` after the first), cut to the chunk and passed through as it
 * arrives; the final `PUT ?digest=` has the target check the digest. After a failure that
 * may pass the upload resumes at the offset the target acknowledged, or starts a fresh
 * session (distribution drops one after a broken PATCH); on any way out but success the
 * session is deleted.
 */
export async function streamBlob(options: StreamBlobOptions): Promise<void> {
  const { to, signal } = options;
  let session: UploadSession | undefined;
  try {
    session = options.session
      ? { location: options.session, offset: 0, minChunk: 0 }
      : await startUpload(to.client, to.repository, signal);
    let chunk = options.chunkSize ?? Number.POSITIVE_INFINITY;
    let failures = 0;
    while (session.offset < options.size) {
      try {
        await patchChunk(options, session, chunk);
        failures = 0;
      } catch (err) {
        const e = toSifportError(err);
        if (e.code === 'CANCELLED' || signal?.aborted) throw e;
        if (e.code === 'TOO_LARGE' && chunk > MIN_CHUNK) {
          chunk = Math.max(MIN_CHUNK, Math.min(FIRST_SMALLER_CHUNK, Math.floor(chunk / 2)));
        } else if (!recoverable(e) || ++failures > to.client.retryPolicy.attempts) {
          throw e;
        }
        session = await resumeOrRestart(options, session);
      }
    }
    await finishUpload(to.client, to.repository, session, options.digest, signal);
    session = undefined;
  } catch (err) {
    if (session) await cancelUpload(to.client, to.repository, session);
    if (signal?.aborted) throw new SifportError('CANCELLED', 'Copy cancelled.');
    throw err;
  }
}

/**
 * Worth another PATCH: a transient failure, or a session the target calls invalid (after a
 * cut PATCH, distribution may still be writing its bytes when the status GET answers, so the
 * next PATCH starts at a stale offset).
 */
function recoverable(e: SifportError): boolean {
  return e.retryable || e.code === 'UPLOAD_INVALID';
}

/** The session at the target's acknowledged offset, or a fresh one when it is gone. */
async function resumeOrRestart(
  options: StreamBlobOptions,
  session: UploadSession,
): Promise<UploadSession> {
  const { to, signal } = options;
  const status = await uploadStatus(to.client, to.repository, session, signal);
  if (status && status.offset <= options.size) {
    return { ...session, location: status.location, offset: status.offset };
  }
  await cancelUpload(to.client, to.repository, session);
  return startUpload(to.client, to.repository, signal);
}

/** Sends bytes [offset, offset + chunk) of the source blob in one PATCH. */
async function patchChunk(
  options: StreamBlobOptions,
  session: UploadSession,
  chunk: number,
): Promise<void> {
  const { to, signal } = options;
  const start = session.offset;
  const end = Math.min(options.size, start + Math.max(chunk, session.minChunk));
  const source = new SourceRange(options, start, end);
  await source.open();
  try {
    const res = await to.client.request({
      method: 'PATCH',
      path: session.location,
      crossOrigin: 'without-credentials',
      scopes: [pushScope(to.repository)],
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(end - start),
        'content-range': `${start}-${end - 1}`,
      },
      body: () => source.stream(),
      retry: false,
      signal,
      what: `Copying ${options.digest.slice(0, 19)} to ${to.client.registry}/${to.repository}`,
    });
    if (res.status < 200 || res.status >= 300) {
      throw await errorFromResponse(res, `Copying bytes ${start}-${end - 1}`, 'PATCH');
    }
    await res.discard();
    session.location = locationOf(res) ?? session.location;
    session.offset = nextOffsetFromRange(res) ?? end;
  } catch (err) {
    throw source.failure ?? err;
  } finally {
    source.close();
  }
}

/**
 * Bytes [start, end) of the source blob as a stream, as many times as the target's client
 * asks (it sends the body again after a 401). The first GET is opened before the PATCH so a
 * missing or refused source blob fails with its own error, not as a broken upload.
 */
class SourceRange {
  /** The source's own error, which explains a failed PATCH better than the PATCH does. */
  failure: SifportError | undefined;
  private first: Readable | undefined;
  private readonly open_: Readable[] = [];

  constructor(
    private readonly o: StreamBlobOptions,
    private readonly start: number,
    private readonly end: number,
  ) {}

  async open(): Promise<void> {
    this.first = await this.get();
  }

  /** A stream of the range: the GET opened up front, then fresh GETs. */
  stream(): Readable {
    const out = new PassThrough({ highWaterMark: 1024 * 1024 });
    const source = this.first;
    this.first = undefined;
    (source ? Promise.resolve(source) : this.get()).then(
      (body) => this.pipe(body, out),
      (err: unknown) => out.destroy(this.fail(err)),
    );
    return out;
  }

  /** Frees every connection still open. */
  close(): void {
    this.first?.destroy();
    for (const body of this.open_) if (!body.readableEnded) body.destroy();
  }

  private fail(err: unknown): Error {
    this.failure ??= toSifportError(err);
    return this.failure;
  }

  private async get(): Promise<Readable> {
    const { from, digest, signal } = this.o;
    const { response, partial } = await openBlob(
      from.client,
      from.repository,
      digest,
      this.start,
      signal,
    );
    this.open_.push(response.body);
    return skipBytes(response.body, partial ? 0 : this.start);
  }

  /** Copies exactly end − start bytes of `body` into `out` (with back-pressure), then ends it. */
  private pipe(body: Readable, out: PassThrough): void {
    let left = this.end - this.start;
    const sent = (): number => this.end - this.start - left;
    body.on('data', (piece: Buffer) => {
      const take = piece.length <= left ? piece : piece.subarray(0, left);
      left -= take.length;
      if (!out.write(take)) body.pause();
      this.o.onBytes?.(this.start + sent());
      if (left === 0) {
        out.end();
        // More of the blob follows this chunk: stop the download here.
        if (this.end < this.o.size) body.destroy();
      }
    });
    out.on('drain', () => body.resume());
    out.on('close', () => {
      if (left > 0) body.destroy(); // the PATCH gave up on its body
    });
    body.on('end', () => {
      if (left > 0) {
        out.destroy(
          this.fail(
            new SifportError(
              'NETWORK',
              `The source sent ${sent()} of ${this.end - this.start} bytes.`,
              {
                retryable: true,
              },
            ),
          ),
        );
      }
    });
    body.on('error', (err) => {
      if (left > 0) out.destroy(this.fail(err));
    });
  }
}

/** `body` without its first `count` bytes (a source that ignored `Range` sent them again). */
function skipBytes(body: Readable, count: number): Readable {
  if (count === 0) return body;
  let skip = count;
  const out = new PassThrough();
  body.on('data', (piece: Buffer) => {
    if (skip >= piece.length) {
      skip -= piece.length;
      return;
    }
    const rest = piece.subarray(skip);
    skip = 0;
    if (!out.write(rest)) body.pause();
  });
  out.on('drain', () => body.resume());
  out.on('close', () => body.destroy());
  body.on('end', () => out.end());
  body.on('error', (err) => out.destroy(err));
  return out;
}

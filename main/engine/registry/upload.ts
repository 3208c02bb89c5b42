import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { SifportError, toSifportError } from '../errors.js';
import { headBlob } from './blobs.js';
import { locationOf, type RegistryClient } from './client.js';
import { errorFromResponse, expectStored } from './transport/response-error.js';
import { ResumableHash, type HashSnapshot } from './transport/resumable-hash.js';
import { backoffDelay, beyondBudget } from './transport/retry.js';
import { pushScope } from './auth/scopes.js';
import {
  cancelUpload,
  finishUpload,
  nextOffsetFromRange,
  startUpload,
  uploadStatus,
  type UploadSession,
} from './upload-session.js';
import { MemoryUploadTuningStore, type UploadTuningStore } from './upload-tuning.js';

/** Default chunk size: large enough to run at full speed, small enough to resume cheaply. */
export const DEFAULT_CHUNK_SIZE = 128 * 1024 * 1024;
/** Smallest chunk we shrink to after `413` answers. */
const MIN_CHUNK_SIZE = 1024 * 1024;
/** Largest chunk the default sizing grows to. */
export const MAX_CHUNK_SIZE = 1024 * 1024 * 1024;
/** What one chunk of the default sizing aims to take on the wire. */
const CHUNK_SECONDS = 8;
const READ_HIGH_WATER_MARK = 1024 * 1024;

/**
 * Bytes of the next PATCH: a chunk, or all that is left when what would follow it is a tail
 * of at most an eighth of a chunk (`foldTail`): each PATCH costs an idle round trip, which on
 * a far registry is worth more than a slightly longer last chunk. Not after a `413`, when
 * the chunk is the registry's limit.
 */
export function nextChunkSize(remaining: number, chunk: number, foldTail: boolean): number {
  if (remaining <= chunk) return remaining;
  if (foldTail && remaining - chunk <= chunk / 8) return remaining;
  return chunk;
}

/**
 * The next chunk's size when the caller did not fix it: what the link carried in the last
 * one, times {@link CHUNK_SECONDS}, at most twice the last and never below the first. Each
 * PATCH waits a round trip for its answer with nothing in flight, so on a far registry
 * fewer, longer chunks are faster (at 150 ms and 45 MB/s, 8 s chunks lose 2 % to those
 * waits, 128 MiB ones 5 %), while a chunk broken near its end costs at most about that much
 * time to send again, whatever the link.
 */
export function chunkSizeByTime(
  last: { readonly bytes: number; readonly seconds: number },
  current: number,
  first: number,
): number {
  const rate = last.bytes / Math.max(last.seconds, 1e-3);
  const wanted = Math.floor((rate * CHUNK_SECONDS) / MIN_CHUNK_SIZE) * MIN_CHUNK_SIZE;
  return Math.max(first, Math.min(wanted, current * 2, MAX_CHUNK_SIZE));
}

/** Input to {@link uploadBlob}. */
export interface BlobUploadOptions {
  readonly client: RegistryClient;
  readonly repository: string;
  readonly path: string;
  readonly size: number;
  /**
   * The digest when already known (digest cache), or being computed alongside: no hashing
   * during the upload; a promise is awaited before the final PUT.
   */
  readonly digest?: string | Promise<string> | undefined;
  /** An upload session to use first (e.g. from a mount attempt that answered 202). */
  readonly session?: URL | undefined;
  /** Bytes of the first PATCH (default 128 MiB). */
  readonly chunkSize?: number | undefined;
  /**
   * Let later chunks grow with the link ({@link chunkSizeByTime}); by default only when
   * `chunkSize` is not given (a size the caller chose stays as chosen).
   */
  readonly growChunks?: boolean | undefined;
  readonly tuning?: UploadTuningStore | undefined;
  /** Fresh sessions after which we give up. */
  readonly maxRestarts?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Called as bytes leave, with the total sent in the current attempt. */
  readonly onBytes?: ((sent: number) => void) | undefined;
  /**
   * Called with the session's `Location` whenever a session opens or moves on, so a push
   * can record it and a later one delete it if this process dies (issue #10 item 15).
   */
  readonly onSession?: ((location: URL) => void) | undefined;
}

/** What happened during an upload, for progress reports and tests. */
export interface BlobUploadResult {
  readonly digest: string;
  /** Times the upload continued from the registry's acknowledged offset. */
  readonly resumes: number;
  /** Times the blob was started again in a fresh session. */
  readonly restarts: number;
  readonly chunks: number;
}

/**
 * Streams a file into a blob upload session (oras.md §3.3, "recommended algorithm"):
 * chunks with `Content-Range`, hashing as bytes leave, resuming from the registry's
 * acknowledged offset after a failure, or starting a fresh session where the registry
 * cannot resume (distribution 2.8). Shrinks chunks after `413` and falls back to a single
 * stream PATCH when the registry mishandles ranges; both are remembered per registry.
 */
export async function uploadBlob(options: BlobUploadOptions): Promise<BlobUploadResult> {
  return new BlobUploader(options).run();
}

class BlobUploader {
  private readonly o: BlobUploadOptions;
  private readonly tuning: UploadTuningStore;
  private readonly hash: ResumableHash | undefined;
  private chunkSize: number;
  /** The size chunks start at: the default sizing never goes below it. */
  private readonly firstChunkSize: number;
  /** Chunks may follow the link's speed (the caller fixed no size); not once {@link limited}. */
  private readonly growChunks: boolean;
  /** A `413` set the size: the registry's limit, which neither growth nor a tail may pass. */
  private limited: boolean;
  private streamMode: boolean;
  private session: UploadSession | undefined;
  private acked: HashSnapshot | undefined;
  private resumes = 0;
  private restarts = 0;
  private chunks = 0;
  private failures = 0;
  /** When the current run of failures began, for the policy's overall budget. */
  private failingSince = 0;

  constructor(options: BlobUploadOptions) {
    this.o = options;
    this.tuning = options.tuning ?? new MemoryUploadTuningStore();
    const learnt = this.tuning.get(options.client.registry) ?? {};
    this.chunkSize = Math.min(options.chunkSize ?? DEFAULT_CHUNK_SIZE, learnt.maxChunk ?? Infinity);
    this.firstChunkSize = this.chunkSize;
    this.limited = learnt.maxChunk !== undefined;
    this.growChunks = options.growChunks ?? options.chunkSize === undefined;
    this.streamMode = learnt.streamMode === true && learnt.maxChunk === undefined;
    this.hash = options.digest ? undefined : new ResumableHash();
  }

  async run(): Promise<BlobUploadResult> {
    const { client, repository, signal } = this.o;
    try {
      this.session = this.o.session
        ? { location: this.o.session, offset: 0, minChunk: 0 }
        : await startUpload(client, repository, signal);
      this.noteSession();
      this.markAcked(0);
      while (this.session.offset < this.o.size) {
        try {
          await this.sendNext();
          this.failures = 0;
        } catch (err) {
          await this.recover(toSifportError(err));
        }
      }
      const digest = (await this.o.digest) ?? this.hash!.digest();
      await this.finish(digest);
      return { digest, resumes: this.resumes, restarts: this.restarts, chunks: this.chunks };
    } catch (err) {
      if (this.session) await cancelUpload(client, repository, this.session);
      if (signal?.aborted) throw new SifportError('CANCELLED', 'Upload cancelled.');
      throw err;
    }
  }

  private noteSession(): void {
    if (this.session) this.o.onSession?.(this.session.location);
  }

  private markAcked(offset: number): void {
    this.session!.offset = offset;
    if (this.hash) this.acked = this.hash.snapshot();
  }

  private async sendNext(): Promise<void> {
    const session = this.session!;
    const start = session.offset;
    const size = this.streamMode
      ? this.o.size - start
      : nextChunkSize(
          this.o.size - start,
          Math.max(this.chunkSize, session.minChunk),
          !this.limited,
        );
    const end = start + size;
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
    };
    if (!this.streamMode) headers['content-range'] = `${start}-${end - 1}`;
    const started = performance.now();
    const res = await this.o.client.request({
      method: 'PATCH',
      path: session.location,
      crossOrigin: 'without-credentials',
      scopes: [pushScope(this.o.repository)],
      headers,
      body: () => this.chunkStream(start, end),
      retry: false,
      signal: this.o.signal,
      what: `Uploading to ${this.o.client.registry}/${this.o.repository}`,
    });
    if (res.status < 200 || res.status >= 300) {
      throw await errorFromResponse(res, `Uploading bytes ${start}-${end - 1}`, 'PATCH');
    }
    await res.discard();
    this.chunks++;
    if (this.growChunks && !this.limited && size >= this.chunkSize) {
      const seconds = (performance.now() - started) / 1000;
      this.chunkSize = chunkSizeByTime(
        { bytes: size, seconds },
        this.chunkSize,
        this.firstChunkSize,
      );
    }
    session.location = locationOf(res) ?? session.location;
    this.noteSession();
    const acknowledged = nextOffsetFromRange(res) ?? end;
    if (acknowledged === end) {
      this.markAcked(end);
    } else {
      await this.moveTo(acknowledged);
    }
  }

  /** A stream of file bytes [start, end) that also feeds the hash (restarted on resend). */
  private chunkStream(start: number, end: number): Readable {
    if (this.hash && this.acked && this.hash.offset !== start) this.hash.restore(this.acked);
    const stream = createReadStream(this.o.path, {
      start,
      end: end - 1,
      highWaterMark: READ_HIGH_WATER_MARK,
    });
    let sent = start;
    stream.on('data', (chunk) => {
      const buf = chunk as Buffer;
      this.hash?.update(buf);
      sent += buf.length;
      this.o.onBytes?.(sent);
    });
    return stream;
  }

  /** Positions the hash and session at a registry-acknowledged offset. */
  private async moveTo(offset: number): Promise<void> {
    if (offset > this.o.size) {
      throw new SifportError(
        'UPLOAD_INVALID',
        `The registry claims ${offset} bytes of a ${this.o.size}-byte blob.`,
      );
    }
    if (this.hash) {
      if (this.acked && offset >= this.acked.offset) {
        this.hash.restore(this.acked);
        await this.hash.catchUp(this.o.path, offset);
      } else {
        this.hash.reset();
        await this.hash.catchUp(this.o.path, offset);
      }
    }
    this.markAcked(offset);
  }

  private async recover(err: SifportError): Promise<void> {
    if (err.code === 'CANCELLED' || this.o.signal?.aborted) throw err;
    if (
      err.code === 'DENIED' ||
      err.code === 'AUTH_REQUIRED' ||
      err.code === 'NOT_FOUND' ||
      err.code === 'NAME_INVALID'
    ) {
      if (err.status !== 404 || err.registryCode === 'NAME_UNKNOWN') throw err;
    }
    this.learnFrom(err);
    const policy = this.o.client.retryPolicy;
    if (this.failures++ === 0) this.failingSince = (policy.now ?? Date.now)();
    if (this.failures > policy.attempts + 2) throw err;
    const wait =
      err.code === 'RATE_LIMITED' || err.code === 'SERVER_ERROR' || err.code === 'NETWORK'
        ? backoffDelay(policy, this.failures, err)
        : 0;
    if (beyondBudget(policy, this.failingSince, wait)) throw err;
    if (wait > 0) await (this.o.client.retryPolicy.sleep ?? sleepFor)(wait, this.o.signal);
    const status = await uploadStatus(
      this.o.client,
      this.o.repository,
      this.session!,
      this.o.signal,
    );
    if (status && status.offset <= this.o.size) {
      this.session!.location = status.location;
      this.noteSession();
      this.resumes++;
      await this.moveTo(status.offset);
      return;
    }
    this.restarts++;
    if (this.restarts > (this.o.maxRestarts ?? 3)) throw err;
    this.session = await startUpload(this.o.client, this.o.repository, this.o.signal);
    this.noteSession();
    this.hash?.reset();
    this.markAcked(0);
  }

  /** Adapts chunking to what the registry just told us, and remembers it. */
  private learnFrom(err: SifportError): void {
    const registry = this.o.client.registry;
    if (err.code === 'TOO_LARGE' && !this.streamMode) {
      if (this.chunkSize <= MIN_CHUNK_SIZE) throw err;
      this.chunkSize = Math.max(MIN_CHUNK_SIZE, Math.floor(this.chunkSize / 2));
      this.limited = true;
      this.tuning.set(registry, { ...this.tuning.get(registry), maxChunk: this.chunkSize });
    } else if (
      err.status === 416 ||
      (err.status === 400 && err.registryCode !== 'DIGEST_INVALID')
    ) {
      if (this.streamMode) throw err;
      this.streamMode = true;
      this.tuning.set(registry, { ...this.tuning.get(registry), streamMode: true });
    } else if (err.code === 'TOO_LARGE') {
      throw err;
    }
  }

  private async finish(digest: string): Promise<void> {
    try {
      await finishUpload(this.o.client, this.o.repository, this.session!, digest, this.o.signal);
    } catch (err) {
      const e = toSifportError(err);
      if (e.code === 'DIGEST_MISMATCH' && this.o.digest) {
        throw new SifportError(
          'DIGEST_MISMATCH',
          `${this.o.path} changed while it was being pushed (its digest is no longer ${digest}). Push it again.`,
        );
      }
      if (!e.retryable) throw e;
      // The PUT may have landed before the connection broke.
      const { client, repository, signal } = this.o;
      if ((await headBlob(client, repository, digest, signal, pushScope(repository))) === undefined)
        throw e;
    }
  }
}

const sleepFor = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : undefined);

/** Uploads a small blob already in memory: POST, then one PUT with the bytes (oras.md §3.3). */
export async function uploadBytes(
  client: RegistryClient,
  repository: string,
  bytes: Buffer,
  digest: string,
  signal?: AbortSignal,
): Promise<void> {
  const session = await startUpload(client, repository, signal);
  const url = new URL(session.location);
  url.searchParams.append('digest', digest);
  const what = `Uploading blob ${digest.slice(0, 19)} to ${client.registry}/${repository}`;
  try {
    const res = await client.request({
      method: 'PUT',
      path: url,
      crossOrigin: 'without-credentials',
      scopes: [pushScope(repository)],
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.length),
      },
      body: bytes,
      signal,
      what,
    });
    await expectStored(res, what, [201, 204, 200]);
  } catch (err) {
    // Cancelled, unreachable or refused: do not leave the session open.
    await cancelUpload(client, repository, session);
    throw err;
  }
}

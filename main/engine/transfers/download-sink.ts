import { open, type FileHandle } from 'node:fs/promises';
import { finished, type Readable } from 'node:stream';
import { isDirectReadable } from '../registry/direct-body.js';
import { WRITE_BATCH_BYTES, abortError, type BodySinkOptions } from './body-sink.js';
import { writeDirectBodyToFile } from './direct-download-sink.js';

export { WRITE_BATCH_BYTES, type BodySinkOptions } from './body-sink.js';

/**
 * Tracks received chunks and cuts them into write batches: a batch is ready once it holds
 * `batchBytes` (or when the body has ended). Pure bookkeeping, no I/O.
 */
export class WriteBatcher {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly batchBytes: number) {}

  /** Adds a chunk; true when a full batch is waiting. */
  add(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.size += chunk.length;
    return this.size >= this.batchBytes;
  }

  /** Bytes waiting. */
  get pending(): number {
    return this.size;
  }

  /** True when a full batch is waiting. */
  get full(): boolean {
    return this.size >= this.batchBytes;
  }

  /** Removes and returns everything waiting. */
  take(): { chunks: Buffer[]; size: number } {
    const batch = { chunks: this.chunks, size: this.size };
    this.chunks = [];
    this.size = 0;
    return batch;
  }
}

/** Drops the first `count` bytes of a list of buffers (after a short write). */
export function skipBytes(chunks: readonly Buffer[], count: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = count;
  for (const chunk of chunks) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
    } else {
      rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
      skip = 0;
    }
  }
  return rest;
}

async function writeAll(handle: FileHandle, chunks: Buffer[], size: number): Promise<void> {
  let left = chunks;
  let remaining = size;
  while (remaining > 0) {
    const { bytesWritten } = await handle.writev(left);
    if (bytesWritten <= 0) throw new Error('the file accepted no bytes');
    remaining -= bytesWritten;
    if (remaining > 0) left = skipBytes(left, bytesWritten);
  }
}

/**
 * Streams a response body into a file: hashes each chunk as it arrives, checks the size,
 * and writes in batches of {@link WRITE_BATCH_BYTES} with one `writev` each, one write at a
 * time (so the file always holds a prefix of the body), pausing the body while a full batch
 * waits for the disk. Memory stays at about two batches.
 *
 * Resolves with the number of bytes written once the body has ended and the file is closed.
 * On failure (the body breaks, the signal aborts, too many bytes) every byte already accepted
 * and hashed is still written before the promise rejects, so the file and the hash agree and a
 * resume can continue right after them; the error is the body's own (or an AbortError, or
 * `tooLong()`). A failing write rejects with the write's error.
 *
 * A body that can be read in place ({@link isDirectReadable}: plain-HTTP blob downloads) goes
 * to {@link writeDirectBodyToFile} instead, with the same contract and no copy of its bytes.
 */
export function writeBodyToFile(body: Readable, options: BodySinkOptions): Promise<number> {
  if (isDirectReadable(body)) return writeDirectBodyToFile(body, options);
  const batcher = new WriteBatcher(options.batchBytes ?? WRITE_BATCH_BYTES);
  const { hash, maxBytes, signal } = options;
  let accepted = 0;
  let written = 0;

  return new Promise<number>((resolve, reject) => {
    let handle: FileHandle | undefined;
    let writing = false;
    let ended = false;
    let failure: { error: unknown } | undefined;
    let settled = false;

    const onAbort = (): void => fail(abortError(signal!));

    const settle = (): void => {
      if (settled || writing || !handle) return;
      if (!failure && !ended) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      cleanupFinished();
      const h = handle;
      h.close().then(
        () => (failure ? reject(failure.error) : resolve(written)),
        (closeError: unknown) => reject(failure ? failure.error : closeError),
      );
    };

    const pump = (): void => {
      if (writing || !handle) return;
      const flushAll = ended || failure !== undefined;
      if (batcher.pending === 0 || (!flushAll && !batcher.full)) {
        if (body.isPaused() && !failure && !ended) body.resume();
        settle();
        return;
      }
      const { chunks, size } = batcher.take();
      writing = true;
      if (!failure && !ended) body.resume();
      options.onBytes?.(accepted);
      writeAll(handle, chunks, size).then(
        () => {
          written += size;
          writing = false;
          pump();
        },
        (error: unknown) => {
          writing = false;
          // Nothing more can be written: drop what waits and fail with the write's error.
          batcher.take();
          if (!failure) failure = { error };
          body.destroy();
          settle();
        },
      );
    };

    const fail = (error: unknown): void => {
      if (failure || settled) return;
      failure = { error };
      body.off('data', onData);
      if (!body.destroyed) body.destroy();
      pump();
    };

    const onData = (chunk: Buffer): void => {
      if (failure) return;
      if (accepted + chunk.length > maxBytes) {
        fail(options.tooLong());
        return;
      }
      accepted += chunk.length;
      hash.update(chunk);
      if (batcher.add(chunk)) {
        if (writing) body.pause();
        else pump();
      }
    };

    const cleanupFinished = finished(body, (error) => {
      if (error) {
        fail(error);
        return;
      }
      ended = true;
      options.onBytes?.(accepted);
      pump();
    });

    if (signal?.aborted) {
      body.destroy();
      reject(abortError(signal));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    // Hold the body until the file is open; chunks wait in the stream's buffer meanwhile.
    body.pause();
    body.on('data', onData);
    open(options.path, options.append ? 'a' : 'w', 0o600).then(
      (h) => {
        handle = h;
        if (failure || ended) pump();
        else body.resume();
      },
      (error: unknown) => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        cleanupFinished();
        body.destroy();
        reject(error);
      },
    );
  });
}

import { open, type FileHandle } from 'node:fs/promises';
import { finished } from 'node:stream';
import type { ByteTarget, DirectReadable } from '../registry/direct-body.js';
import { WRITE_BATCH_BYTES, abortError, type BodySinkOptions } from './body-sink.js';

/** Full slabs waiting for (or in) a write before reading pauses: memory is this plus one. */
const MAX_QUEUED_SLABS = 2;
/** A slab with less free room than this goes to the file; reads continue in a fresh one. */
const MIN_READ_ROOM = 64 * 1024;

interface FullSlab {
  readonly slab: Buffer;
  readonly size: number;
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw new Error('the file accepted no bytes');
    offset += bytesWritten;
  }
}

/**
 * {@link writeBodyToFile} for a body that reads into lent buffers: the socket fills 4 MiB
 * slabs, each region is hashed where it landed, and full slabs are written to the file one
 * at a time and then reused. No byte is copied in user space, which is what lets a pull keep
 * up with curl on a loopback registry (e2e/bench). At most {@link MAX_QUEUED_SLABS} + 1 slabs
 * exist; reading pauses while the disk catches up.
 *
 * Same contract as the stream sink: resolves with the bytes written once the body has ended
 * and the file is closed; on failure every accepted (hashed) byte is written first, so a
 * resume continues right after them, and the error is the body's own, an AbortError,
 * `tooLong()`, or the failed write's.
 */
export function writeDirectBodyToFile(
  body: DirectReadable,
  options: BodySinkOptions,
): Promise<number> {
  const { hash, maxBytes, signal } = options;
  const slabBytes = options.batchBytes ?? WRITE_BATCH_BYTES;
  const minRoom = Math.min(MIN_READ_ROOM, Math.ceil(slabBytes / 16));
  const spare: Buffer[] = [];
  const full: FullSlab[] = [];
  let current: Buffer | undefined = Buffer.allocUnsafeSlow(slabBytes);
  let used = 0;
  let accepted = 0;
  let written = 0;

  return new Promise<number>((resolve, reject) => {
    let handle: FileHandle | undefined;
    let writing = false;
    let paused = false;
    let ended = false;
    let failure: { error: unknown } | undefined;
    let settled = false;

    /** Queues the current slab for writing; `next` says whether reading goes on in another. */
    const retireCurrent = (next: boolean): void => {
      if (current && used > 0) full.push({ slab: current, size: used });
      current = next ? (spare.pop() ?? Buffer.allocUnsafeSlow(slabBytes)) : undefined;
      used = 0;
      options.onBytes?.(accepted);
    };

    const settle = (): void => {
      if (settled || writing || !handle || full.length > 0) return;
      if (!failure && !ended) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      cleanupFinished();
      handle.close().then(
        () => (failure ? reject(failure.error) : resolve(written)),
        (closeError: unknown) => reject(failure ? failure.error : closeError),
      );
    };

    const pump = (): void => {
      if (writing || !handle) return;
      const next = full[0];
      if (!next) {
        settle();
        return;
      }
      writing = true;
      writeAll(handle, next.slab.subarray(0, next.size)).then(
        () => {
          written += next.size;
          full.shift();
          spare.push(next.slab);
          writing = false;
          if (paused && !failure && full.length < MAX_QUEUED_SLABS) {
            paused = false;
            resumeReading();
          }
          pump();
        },
        (error: unknown) => {
          writing = false;
          // Nothing more can be written: drop what waits and fail with the write's error.
          full.length = 0;
          if (!failure) failure = { error };
          body.destroy();
          settle();
        },
      );
    };

    const fail = (error: unknown): void => {
      if (failure || settled) return;
      failure = { error };
      retireCurrent(false);
      if (!body.destroyed) body.destroy();
      pump();
    };

    const target: ByteTarget = {
      lend: () => current!.subarray(used),
      landed: (length) => {
        if (failure || ended || !current) return false;
        if (accepted + length > maxBytes) {
          fail(options.tooLong());
          return false;
        }
        hash.update(current.subarray(used, used + length));
        accepted += length;
        used += length;
        if (current.length - used < minRoom) {
          retireCurrent(true);
          pump();
        }
        paused = full.length >= MAX_QUEUED_SLABS;
        return !paused;
      },
    };

    const onAbort = (): void => fail(abortError(signal!));
    if (signal?.aborted) {
      body.destroy();
      reject(abortError(signal));
      return;
    }
    const resumeReading = body.readInto(target);
    const cleanupFinished = finished(body, (error) => {
      if (error) {
        fail(error);
        return;
      }
      ended = true;
      retireCurrent(false);
      pump();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    open(options.path, options.append ? 'a' : 'w', 0o600).then(
      (h) => {
        handle = h;
        pump();
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

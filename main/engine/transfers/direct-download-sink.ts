import { finished } from 'node:stream';
import type { ByteTarget, DirectReadable } from '../registry/direct-body.js';
import { WRITE_BATCH_BYTES, abortError, closeSink, type BodySinkOptions } from './body-sink.js';
import { OrderedFileWriter } from './ordered-file-writer.js';

/** Full slabs waiting for (or in) a write before reading pauses: memory is this plus one. */
const MAX_QUEUED_SLABS = 2;
/** A slab with less free room than this goes to the file; reads continue in a fresh one. */
const MIN_READ_ROOM = 64 * 1024;

/**
 * {@link writeBodyToFile} for a body that reads into lent buffers: the socket fills 4 MiB
 * slabs, each region is hashed where it landed, and full slabs go to an
 * {@link OrderedFileWriter} and are reused once written. No byte is copied in user space,
 * which is what lets a pull keep up with curl on a loopback registry (e2e/bench). At most
 * {@link MAX_QUEUED_SLABS} + 1 slabs exist; reading pauses while the disk catches up.
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

  return new Promise<number>((resolve, reject) => {
    if (signal?.aborted) {
      body.destroy();
      reject(abortError(signal));
      return;
    }
    const spare: Buffer[] = [];
    let current: Buffer | undefined = Buffer.allocUnsafeSlow(slabBytes);
    let used = 0;
    let accepted = 0;
    let paused = false;
    let failure: { error: unknown } | undefined;
    let finishing = false;
    const writer = new OrderedFileWriter(options.path, options.append, (error) => fail(error));

    /** Sends the current slab to the file; `next` says whether reading goes on in another. */
    const retireCurrent = (next: boolean): void => {
      const slab = current;
      if (slab && used > 0) {
        writer.write([slab.subarray(0, used)], used, () => {
          spare.push(slab);
          if (paused && !failure && !finishing && writer.backlog < MAX_QUEUED_SLABS) {
            paused = false;
            resumeReading();
          }
        });
      }
      current = next ? (spare.pop() ?? Buffer.allocUnsafeSlow(slabBytes)) : undefined;
      used = 0;
      options.onBytes?.(accepted);
    };

    const finish = (): void => {
      if (finishing) return;
      finishing = true;
      signal?.removeEventListener('abort', onAbort);
      retireCurrent(false);
      closeSink(writer, () => failure, cleanupFinished).then(resolve, reject);
    };

    const fail = (error: unknown): void => {
      if (failure || finishing) return;
      failure = { error };
      if (!body.destroyed) body.destroy();
      finish();
    };

    const target: ByteTarget = {
      lend: () => current!.subarray(used),
      landed: (length) => {
        if (failure || finishing || !current) return false;
        if (accepted + length > maxBytes) {
          fail(options.tooLong());
          return false;
        }
        hash.update(current.subarray(used, used + length));
        accepted += length;
        used += length;
        if (current.length - used < minRoom) retireCurrent(true);
        paused = writer.backlog >= MAX_QUEUED_SLABS;
        return !paused;
      },
    };

    const onAbort = (): void => fail(abortError(signal!));
    // Watch the body before reading it: bytes that came with the head land (and may fail)
    // inside readInto().
    const cleanupFinished = finished(body, (error) => (error ? fail(error) : finish()));
    const resumeReading = body.readInto(target);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

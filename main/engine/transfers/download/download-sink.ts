import type { Readable } from 'node:stream';
import { isDirectReadable } from '../../registry/transport/direct-body.js';
import { WRITE_BATCH_BYTES, runSink, type BodySinkOptions } from './body-sink.js';
import { writeDirectBodyToFile } from './direct-download-sink.js';

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

  /** Removes and returns everything waiting. */
  take(): { chunks: Buffer[]; size: number } {
    const batch = { chunks: this.chunks, size: this.size };
    this.chunks = [];
    this.size = 0;
    return batch;
  }
}

/**
 * Streams a response body into a file: hashes each chunk as it arrives, checks the size,
 * and writes in batches of {@link WRITE_BATCH_BYTES} through an {@link OrderedFileWriter} (so
 * the file always holds a prefix of the body), pausing the body while two batches wait for
 * the disk. Memory stays at about two batches.
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

  return runSink(body, options, (run) => {
    const flush = (): void => {
      if (batcher.pending === 0) return;
      const { chunks, size } = batcher.take();
      options.onBytes?.(run.accepted);
      run.writer.write(chunks, size, () => {
        if (body.isPaused() && run.open && !run.backedUp) body.resume();
      });
    };
    run.drain = flush;
    run.watch(() => options.onBytes?.(run.accepted));
    body.on('data', (chunk: Buffer) => {
      if (!run.accept(chunk)) return;
      if (batcher.add(chunk)) {
        flush();
        // Let the disk catch up.
        if (run.backedUp) body.pause();
      }
    });
  });
}

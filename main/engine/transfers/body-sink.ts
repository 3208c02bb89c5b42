import type { Hash } from 'node:crypto';
import type { OrderedFileWriter } from './ordered-file-writer.js';

/**
 * Bytes gathered before one `writev` to the file. node:http hands over chunks of at most
 * 64 KiB; writing each alone costs a thread-pool round trip and a syscall per chunk, which
 * made the download loop twice as slow as curl (see e2e/bench).
 */
export const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

/** Input to the download sinks (`writeBodyToFile`, `writeDirectBodyToFile`). */
export interface BodySinkOptions {
  /** File to write; created with mode 0600 when missing. */
  readonly path: string;
  /** Append to the file (resume) instead of truncating it. */
  readonly append: boolean;
  /** Fed every accepted byte, in order, as it arrives. */
  readonly hash: Hash;
  /** Most bytes this body may carry; one more is an error. */
  readonly maxBytes: number;
  /** The error to fail with when the body carries more than `maxBytes`. */
  readonly tooLong: () => Error;
  /** Called with the bytes accepted so far (at most once per batch, and at the end). */
  readonly onBytes?: ((accepted: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Bytes per write (and, in place, per read buffer); tests use small ones. */
  readonly batchBytes?: number | undefined;
}

/** The error a sink fails with when its signal aborts. */
export function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
    name: 'AbortError',
    code: 'ABORT_ERR',
  });
}

/**
 * The end of a sink: closes the file (after every queued write), then releases the body's
 * listeners (not before: a destroyed body emits its error on a later tick, and an 'error' that
 * nobody listens to would crash the process). Fails with the sink's own failure when it had
 * one, else with the writer's; otherwise resolves with the bytes written.
 */
export async function closeSink(
  writer: OrderedFileWriter,
  failure: () => { error: unknown } | undefined,
  releaseBody: () => void,
): Promise<number> {
  try {
    const written = await writer.close();
    const failed = failure();
    if (failed) throw failed.error;
    return written;
  } catch (error) {
    throw failure()?.error ?? error;
  } finally {
    releaseBody();
  }
}

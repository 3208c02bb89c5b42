import { finished, type Readable } from 'node:stream';
import { OrderedFileWriter, type WriteFileOpener } from './ordered-file-writer.js';

/**
 * Bytes gathered before one batch goes to the file (as 256 KiB pieces written side by side).
 * node:http hands over chunks of at most 64 KiB; writing each alone costs a thread-pool round
 * trip per chunk, which made the download loop twice as slow as curl (see e2e/bench).
 */
export const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

/** Batches waiting for (or in) a write before a sink stops reading: one in the file's hands, one more. */
const MAX_QUEUED_BATCHES = 2;

/** Input to the download sinks (`writeBodyToFile`, `writeDirectBodyToFile`). */
export interface BodySinkOptions {
  /** File to write; created with mode 0600 when missing. */
  readonly path: string;
  /** Append to the file (resume) instead of truncating it. */
  readonly append: boolean;
  /** Fed every accepted byte, in order, as it arrives (a node Hash, or a ResumableHash). */
  readonly hash: { update(bytes: Buffer): void };
  /** Most bytes this body may carry; one more is an error. */
  readonly maxBytes: number;
  /** The error to fail with when the body carries more than `maxBytes`. */
  readonly tooLong: () => Error;
  /** Called with the bytes accepted so far (at most once per batch, and at the end). */
  readonly onBytes?: ((accepted: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How the file is opened (a pull's partial file refuses links); default: plainly. */
  readonly open?: WriteFileOpener | undefined;
  /**
   * Told after each write how many bytes the file holds, every one of them written (a resume
   * counts what was there): a pull reads them back from disk behind the writer.
   */
  readonly onWritten?: ((fileBytes: number) => void) | undefined;
  /**
   * Write from this offset of the existing file, neither truncating it nor appending (a region
   * of a parallel pull); `onWritten` then tells where the written bytes end.
   */
  readonly position?: number | undefined;
  /** Bytes per write (and, in place, per read buffer); tests use small ones. */
  readonly batchBytes?: number | undefined;
}

/** The error a sink fails with when its signal aborts. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
    name: 'AbortError',
    code: 'ABORT_ERR',
  });
}

/**
 * The life of one download into a file, shared by both sinks: the file writer, the first
 * failure (the body's error, an abort, `tooLong()`, or a failed write), and the end. A sink
 * says how bytes arrive and sets {@link drain}; on any end, what was accepted is written
 * before the promise settles, so the file and the hash agree.
 */
export class SinkRun {
  readonly writer: OrderedFileWriter;
  /** Hands whatever the sink still holds to the writer; runs once, at the end. */
  drain: () => void = () => {};
  /** Bytes accepted (hashed) so far. */
  accepted = 0;
  private failure: { error: unknown } | undefined;
  private finishing = false;
  private releaseBody: () => void = () => {};
  private readonly onAbort = (): void => this.fail(abortError(this.options.signal!));

  constructor(
    private readonly body: Readable,
    private readonly options: BodySinkOptions,
    private readonly resolve: (written: number) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.writer = new OrderedFileWriter(
      options.path,
      options.append,
      (error) => this.fail(error),
      options.open,
      options.onWritten,
      options.position,
    );
  }

  /** False once the run failed or is finishing: nothing more may be accepted or resumed. */
  get open(): boolean {
    return !this.failure && !this.finishing;
  }

  /** True while enough batches wait for the disk that the sink should stop reading. */
  get backedUp(): boolean {
    return this.writer.backlog >= MAX_QUEUED_BATCHES;
  }

  /**
   * Takes the next bytes of the body: hashes and counts them. False (nothing taken) once the
   * run is no longer open, or when they would exceed `maxBytes` (the run then fails with
   * `tooLong()`).
   */
  accept(bytes: Buffer): boolean {
    if (!this.open) return false;
    if (this.accepted + bytes.length > this.options.maxBytes) {
      this.fail(this.options.tooLong());
      return false;
    }
    this.options.hash.update(bytes);
    this.accepted += bytes.length;
    return true;
  }

  /**
   * Watches the body's end (`onEnd` runs before the run finishes) and errors, and the abort
   * signal. Call it before bytes may flow.
   */
  watch(onEnd: () => void = () => {}): void {
    this.releaseBody = finished(this.body, (error) => {
      if (error) {
        this.fail(error);
        return;
      }
      onEnd();
      this.finish();
    });
    this.options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Records the first failure, stops the body, and finishes. */
  fail(error: unknown): void {
    if (!this.open) return;
    this.failure = { error };
    if (!this.body.destroyed) this.body.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.finishing) return;
    this.finishing = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.drain();
    this.close().then(this.resolve, this.reject);
  }

  /**
   * Closes the file (after every queued write), then releases the body's listeners (not
   * before: a destroyed body emits its error on a later tick, and an 'error' that nobody
   * listens to would crash the process). Fails with the run's own failure when it had one,
   * else with the writer's; otherwise resolves with the bytes written.
   */
  private async close(): Promise<number> {
    try {
      const written = await this.writer.close();
      if (this.failure) throw this.failure.error;
      return written;
    } catch (error) {
      throw this.failure?.error ?? error;
    } finally {
      this.releaseBody();
    }
  }
}

/**
 * Starts a {@link SinkRun} for `body` and lets `setUp` attach the sink to it. An already
 * aborted signal rejects at once, before the file is opened (a resume's partial file stays).
 */
export function runSink(
  body: Readable,
  options: BodySinkOptions,
  setUp: (run: SinkRun) => void,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    if (options.signal?.aborted) {
      body.destroy();
      reject(abortError(options.signal));
      return;
    }
    setUp(new SinkRun(body, options, resolve, reject));
  });
}

import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

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

/**
 * Bytes per write call. Buffered writes of 1 MiB or more cost 0.15 to 1.6 s of system time per
 * GiB from one run to the next on the CI machine (Linux 6.18 ext4 in a Firecracker VM with
 * free-page reporting; likely large folios landing on memory the host must fault back in),
 * 256 KiB calls a steady 0.15 to 0.2 s. Over 10 interleaved 1 GiB pulls the median went from
 * 1.49 s to 1.17 s (README, Benchmarks).
 */
export const WRITE_PIECE_BYTES = 256 * 1024;

/** Cuts `chunks` into consecutive groups of at most `pieceBytes` bytes (splitting chunks). */
export function cutIntoPieces(chunks: readonly Buffer[], pieceBytes: number): Buffer[][] {
  const pieces: Buffer[][] = [];
  let piece: Buffer[] = [];
  let room = pieceBytes;
  for (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length;) {
      const take = Math.min(room, chunk.length - offset);
      piece.push(
        offset === 0 && take === chunk.length ? chunk : chunk.subarray(offset, offset + take),
      );
      offset += take;
      room -= take;
      if (room === 0) {
        pieces.push(piece);
        piece = [];
        room = pieceBytes;
      }
    }
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** What {@link writeBatch} needs of a file: positional writes and truncation. */
export type PositionalFile = Pick<FileHandle, 'writev' | 'truncate'>;

async function writeFully(
  file: PositionalFile,
  buffers: Buffer[],
  position: number,
): Promise<void> {
  let left = buffers;
  let at = position;
  let remaining = buffers.reduce((sum, b) => sum + b.length, 0);
  while (remaining > 0) {
    const { bytesWritten } = await file.writev(left, at);
    if (bytesWritten <= 0) throw new Error('the file accepted no bytes');
    remaining -= bytesWritten;
    at += bytesWritten;
    if (remaining > 0) left = skipBytes(left, bytesWritten);
  }
}

/**
 * Writes `chunks` at `position` as {@link WRITE_PIECE_BYTES} pieces, all at once (each at its
 * own offset, so the thread pool runs them side by side). When a piece fails, pieces after it
 * may still have landed: the file is cut back to the end of the unbroken prefix before the
 * failure is thrown, so it never holds bytes after a gap.
 */
export async function writeBatch(
  file: PositionalFile,
  chunks: readonly Buffer[],
  position: number,
  pieceBytes = WRITE_PIECE_BYTES,
): Promise<void> {
  // Every piece but the last is exactly pieceBytes long.
  const startOf = (piece: number): number => position + piece * pieceBytes;
  const results = await Promise.allSettled(
    cutIntoPieces(chunks, pieceBytes).map((piece, i) => writeFully(file, piece, startOf(i))),
  );
  const failed = results.findIndex((result) => result.status === 'rejected');
  if (failed < 0) return;
  await file.truncate(startOf(failed)).catch(() => {});
  throw (results[failed] as PromiseRejectedResult).reason;
}

/**
 * Opens a file for positional writes, truncated or (append) to write after what it holds;
 * callers with stricter rules (a pull's partial file: no links, only our own file) pass theirs.
 */
export type WriteFileOpener = (path: string, append: boolean) => Promise<FileHandle>;

/** The default {@link WriteFileOpener}: created 0600 when missing. */
const openPlain: WriteFileOpener = (path, append) =>
  append
    ? // Not O_APPEND: Linux ignores the position of pwrite on such files.
      open(path, constants.O_WRONLY | constants.O_CREAT, 0o600)
    : open(path, 'w', 0o600);

/** Opens `path` with `opener`; a write starts at 0, or (append) after what the file holds. */
async function openForWriting(
  path: string,
  append: boolean,
  opener: WriteFileOpener,
): Promise<{ handle: FileHandle; start: number }> {
  const handle = await opener(path, append);
  if (!append) return { handle, start: 0 };
  try {
    return { handle, start: (await handle.stat()).size };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

interface Batch {
  readonly chunks: readonly Buffer[];
  readonly size: number;
  readonly written: (() => void) | undefined;
}

/**
 * Writes batches of bytes to one file in the order they were queued, one batch at a time (in
 * {@link writeBatch} pieces), so the file always holds a prefix of what was queued: after a
 * failure, a download resumes right after the last byte on disk. The file (mode 0600 when created) opens at once; batches
 * queued meanwhile wait. The first failure (open or write) stops all writing, is reported to
 * `onError`, and is what {@link close} rejects with.
 */
export class OrderedFileWriter {
  private readonly opened: Promise<{ handle: FileHandle; start: number }>;
  private readonly queue: Batch[] = [];
  private running = false;
  private failure: { error: unknown } | undefined;
  private drained: (() => void) | undefined;
  private bytes = 0;

  constructor(
    path: string,
    append: boolean,
    private readonly onError: (error: unknown) => void,
    opener: WriteFileOpener = openPlain,
    /** Told after each batch how many bytes the file holds (all written, no gap). */
    private readonly onWritten?: (fileBytes: number) => void,
    /**
     * Write from this offset of the existing file instead (a region of a parallel pull);
     * `onWritten` then tells where this writer's bytes end.
     */
    position?: number,
  ) {
    this.opened =
      position === undefined
        ? openForWriting(path, append, opener)
        : opener(path, true).then((handle) => ({ handle, start: position }));
    this.opened.catch(() => {}); // reported by pump() or close()
    void this.pump();
  }

  /** Batches queued or being written. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Queues `chunks` (`size` bytes in all); `written` runs once they are in the file. */
  write(chunks: readonly Buffer[], size: number, written?: () => void): void {
    if (this.failure || size === 0) return;
    this.queue.push({ chunks, size, written });
    void this.pump();
  }

  /**
   * Writes everything queued, then closes the file. Resolves with the bytes written in all;
   * rejects with the first failure.
   */
  async close(): Promise<number> {
    if (this.running || this.queue.length > 0) {
      await new Promise<void>((resolve) => (this.drained = resolve));
    }
    const handle = await this.opened.then(
      ({ handle }) => handle,
      (error: unknown) => {
        this.failure ??= { error };
        return undefined;
      },
    );
    if (handle) {
      await handle.close().catch((error: unknown) => {
        this.failure ??= { error };
      });
    }
    if (this.failure) throw this.failure.error;
    return this.bytes;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { handle, start } = await this.opened;
      for (let batch = this.queue[0]; batch && !this.failure; batch = this.queue[0]) {
        await writeBatch(handle, batch.chunks, start + this.bytes);
        this.bytes += batch.size;
        this.queue.shift();
        batch.written?.();
        this.onWritten?.(start + this.bytes);
      }
    } catch (error) {
      this.failure ??= { error };
      this.queue.length = 0;
      this.onError(error);
    } finally {
      this.running = false;
      if (this.queue.length === 0) {
        this.drained?.();
        this.drained = undefined;
      }
    }
  }
}

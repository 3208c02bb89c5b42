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

async function writeAll(
  handle: FileHandle,
  chunks: readonly Buffer[],
  size: number,
): Promise<void> {
  let left = chunks;
  let remaining = size;
  while (remaining > 0) {
    const { bytesWritten } = await handle.writev(left);
    if (bytesWritten <= 0) throw new Error('the file accepted no bytes');
    remaining -= bytesWritten;
    if (remaining > 0) left = skipBytes(left, bytesWritten);
  }
}

interface Batch {
  readonly chunks: readonly Buffer[];
  readonly size: number;
  readonly written: (() => void) | undefined;
}

/**
 * Writes batches of bytes to one file in the order they were queued, one `writev` at a time,
 * so the file always holds a prefix of what was queued: after a failure, a download resumes
 * right after the last byte on disk. The file (mode 0600 when created) opens at once; batches
 * queued meanwhile wait. The first failure (open or write) stops all writing, is reported to
 * `onError`, and is what {@link close} rejects with.
 */
export class OrderedFileWriter {
  private readonly handle: Promise<FileHandle>;
  private readonly queue: Batch[] = [];
  private running = false;
  private failure: { error: unknown } | undefined;
  private drained: (() => void) | undefined;
  private bytes = 0;

  constructor(
    path: string,
    append: boolean,
    private readonly onError: (error: unknown) => void,
  ) {
    this.handle = open(path, append ? 'a' : 'w', 0o600);
    this.handle.catch(() => {}); // reported by pump() or close()
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
    const handle = await this.handle.catch((error: unknown) => {
      this.failure ??= { error };
      return undefined;
    });
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
      const handle = await this.handle;
      for (let batch = this.queue[0]; batch && !this.failure; batch = this.queue[0]) {
        await writeAll(handle, batch.chunks, batch.size);
        this.bytes += batch.size;
        this.queue.shift();
        batch.written?.();
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

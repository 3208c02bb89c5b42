import type { FileHandle } from 'node:fs/promises';

import { openRegularFile } from '../../files/regular-file.js';

import type { ByteSource, ByteTarget } from './byte-source.js';
import { SifError, describeCause } from './errors.js';

/** A file opened as a {@link ByteSource}; call `close()` when done. */
export interface FileByteSource extends ByteSource {
  /** The path the file was opened from, for messages. */
  readonly path: string;
  /** Releases the file handle. Safe to call twice. */
  close(): Promise<void>;
}

/** A file opened read-write as a {@link ByteTarget}; call `close()` when done. */
export interface FileByteTarget extends ByteTarget, FileByteSource {}

/**
 * Opens `path` read-only. The size is taken once, at open time (a SIF being read must not
 * change underneath us). Reads use positioned I/O, so several may run at once.
 */
export async function openFileSource(path: string): Promise<FileByteSource> {
  const { handle, size } = await openHandle(path, 'r');
  return new FileBytes(handle, path, size);
}

/**
 * Opens `path` for in-place modification (signing, signature removal: spec A8). The caller is
 * responsible for not having the same file open for writing elsewhere.
 */
export async function openFileTarget(path: string): Promise<FileByteTarget> {
  const { handle, size } = await openHandle(path, 'r+');
  return new FileBytes(handle, path, size);
}

class FileBytes implements FileByteTarget {
  #handle: FileHandle | undefined;
  #size: number;
  readonly path: string;

  constructor(handle: FileHandle, path: string, size: number) {
    this.#handle = handle;
    this.path = path;
    this.#size = size;
  }

  get size(): number {
    return this.#size;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const want = Math.max(0, Math.min(length, this.#size - offset));
    const buffer = Buffer.allocUnsafe(want);
    const done = await this.readInto(offset, buffer);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, done);
  }

  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const handle = this.#open();
    const want = Math.max(0, Math.min(target.length, this.#size - offset));
    let done = 0;
    try {
      while (done < want) {
        const { bytesRead } = await handle.read(target, done, want - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
    } catch (cause) {
      throw ioError(`reading ${this.path}`, cause);
    }
    return done;
  }

  async write(offset: number, bytes: Uint8Array): Promise<void> {
    const handle = this.#open();
    let done = 0;
    try {
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(
          bytes,
          done,
          bytes.length - done,
          offset + done,
        );
        done += bytesWritten;
      }
    } catch (cause) {
      throw ioError(`writing ${this.path}`, cause);
    }
    this.#size = Math.max(this.#size, offset + bytes.length);
  }

  async truncate(length: number): Promise<void> {
    try {
      await this.#open().truncate(length);
    } catch (cause) {
      throw ioError(`truncating ${this.path}`, cause);
    }
    this.#size = length;
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  #open(): FileHandle {
    if (!this.#handle) throw new SifError('IO_ERROR', `${this.path} is already closed`);
    return this.#handle;
  }
}

/**
 * Opens a regular file only: a FIFO, device or directory is refused at once instead of
 * blocking the open (and with it Ctrl-C) until some writer turns up.
 */
async function openHandle(
  path: string,
  flags: 'r' | 'r+',
): Promise<{ handle: FileHandle; size: number }> {
  try {
    const { handle, stats } = await openRegularFile(path, flags, 'SIF file');
    return { handle, size: stats.size };
  } catch (cause) {
    throw ioError(`opening ${path}`, cause);
  }
}

function ioError(action: string, cause: unknown): SifError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new SifError(
    'IO_ERROR',
    `Failed ${action}: ${describeCause(cause)}`,
    { errno: code },
    {
      cause,
    },
  );
}

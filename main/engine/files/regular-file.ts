import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SifportError } from '../errors.js';

/** Default cap of {@link readRegularFile}, in bytes: CA bundles and key files are far smaller. */
export const MAX_SMALL_FILE_BYTES = 16 * 1024 * 1024;

/** What a path names, in words for messages ("a FIFO (named pipe)"). */
export function describeFileKind(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** An open regular file and what fstat said about it. */
export interface RegularFile {
  readonly handle: FileHandle;
  readonly stats: Stats;
}

/**
 * Opens `path` for reading (`'r'`) or in-place writing (`'r+'`), only if it is a regular
 * file. The open uses O_NONBLOCK, so a FIFO with no writer (or a device) cannot stall the
 * open, and the kind is checked on the opened descriptor (fstat), so nothing can be swapped
 * in between. Anything else is a FILE_ERROR naming the path and what it is; a missing or
 * unreadable file is a FILE_ERROR saying so. O_NONBLOCK changes nothing for regular files.
 */
export async function openRegularFile(
  path: string,
  mode: 'r' | 'r+' = 'r',
  what = 'file',
): Promise<RegularFile> {
  const access = mode === 'r' ? constants.O_RDONLY : constants.O_RDWR;
  let handle: FileHandle;
  try {
    handle = await open(path, access | constants.O_NONBLOCK);
  } catch (err) {
    throw new SifportError('FILE_ERROR', `Cannot open the ${what} ${path}: ${reasonOf(err)}.`, {
      cause: err,
    });
  }
  let stats: Stats;
  try {
    stats = await handle.stat();
  } catch (err) {
    await handle.close();
    throw new SifportError('FILE_ERROR', `Cannot read the ${what} ${path}: ${reasonOf(err)}.`, {
      cause: err,
    });
  }
  if (!stats.isFile()) {
    await handle.close();
    throw new SifportError(
      'FILE_ERROR',
      `The ${what} ${path} is ${describeFileKind(stats)}, not a regular file; give the path of a regular file.`,
      { detail: { path, kind: describeFileKind(stats) } },
    );
  }
  return { handle, stats };
}

/**
 * Reads a small regular file whole, asynchronously (never blocking a host's event loop),
 * refusing FIFOs, directories and devices as {@link openRegularFile} does, and files larger
 * than `maxBytes` with TOO_LARGE.
 */
export async function readRegularFile(
  path: string,
  what = 'file',
  maxBytes = MAX_SMALL_FILE_BYTES,
): Promise<Buffer> {
  const { handle, stats } = await openRegularFile(path, 'r', what);
  try {
    if (stats.size > maxBytes) {
      throw new SifportError(
        'TOO_LARGE',
        `The ${what} ${path} is ${stats.size} bytes, more than the ${maxBytes} allowed; check that it is the right file.`,
      );
    }
    return await handle.readFile();
  } catch (err) {
    if (err instanceof SifportError) throw err;
    throw new SifportError('FILE_ERROR', `Cannot read the ${what} ${path}: ${reasonOf(err)}.`, {
      cause: err,
    });
  } finally {
    await handle.close();
  }
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return err instanceof Error ? err.message : String(err);
}

/** True when `err` (from this module or from node:fs) says the file does not exist. */
export function isMissingFile(err: unknown): boolean {
  const own = err instanceof SifportError ? err.cause : err;
  return (own as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

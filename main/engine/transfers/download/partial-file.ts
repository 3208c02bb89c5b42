import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SifportError } from '../../errors.js';

/** How {@link openPartialFile} opens: a new file (the name must be free), to append, to read. */
export type PartialOpenMode = 'create' | 'append' | 'read';

/** An opened partial file, checked to be ours, with its size when opened. */
export interface OpenedPartial {
  readonly handle: FileHandle;
  readonly size: number;
  readonly stats: Stats;
}

// O_NOFOLLOW and O_NONBLOCK are missing on Windows; there a link is followed as before.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

const FLAGS: Readonly<Record<PartialOpenMode, number>> = {
  create: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW | NONBLOCK,
  append: constants.O_WRONLY | NOFOLLOW | NONBLOCK,
  read: constants.O_RDONLY | NOFOLLOW | NONBLOCK,
};

function refused(path: string, why: string, cause?: unknown): SifportError {
  return new SifportError(
    'FILE_ERROR',
    `Refusing to use ${path}: ${why}. Remove it (someone else may have put it there) and pull again.`,
    { cause },
  );
}

/** Why `stats` are not those of a partial file this process may use, or undefined. */
export function notOurs(stats: Stats, requireOwner = true): string | undefined {
  if (!stats.isFile()) return 'it is not a regular file';
  const uid = process.getuid?.();
  if (requireOwner && uid !== undefined && stats.uid !== uid) {
    return `it belongs to another user (uid ${stats.uid})`;
  }
  if (requireOwner && stats.nlink > 1) return 'it has another hard link';
  return undefined;
}

/**
 * Opens a pull's partial file so that a name planted by someone who can write to the folder
 * cannot redirect the pull: O_NOFOLLOW (a symbolic link fails instead of being followed),
 * O_EXCL for a new file (mode 0600), O_NONBLOCK (a FIFO cannot hang the open), then `fstat`
 * of what was opened: a regular file, owned by this user, with no other hard link. Anything
 * else is FILE_ERROR; an ENOENT passes through so a caller can start afresh.
 */
export async function openPartialFile(path: string, mode: PartialOpenMode): Promise<OpenedPartial> {
  let handle: FileHandle;
  try {
    handle = await open(path, FLAGS[mode], 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refused(path, 'it is a symbolic link', err);
    if (code === 'EEXIST') throw refused(path, 'it appeared at that name while pulling', err);
    if (code === 'ENXIO') throw refused(path, 'it is not a regular file', err);
    throw err;
  }
  try {
    const stats = await handle.stat();
    const why = notOurs(stats);
    if (why) throw refused(path, why);
    return { handle, size: stats.size, stats };
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
}

/** Longest name (bytes) most file systems allow in one path component. */
const NAME_MAX = 255;
const LOCK_SUFFIX = '.lock';

/** The first bytes of `name` that fit in `max` UTF-8 bytes, never half a character. */
function clip(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * Where a pull of `layerDigest` to `target` keeps its bytes until they are verified:
 * `.NAME.<first 12 hex of the digest>.partial` beside the target (hidden, and a later pull
 * of the same layer to the same path resumes it). A long NAME is shortened so the name and
 * its `.lock` (see `pull-lock.ts`) still fit in 255 bytes.
 */
export function partialPathFor(target: string, layerDigest: string): string {
  const hex = layerDigest.replace(/^[a-z0-9]+:/, '').slice(0, 12);
  const fixed = `..${hex}.partial${LOCK_SUFFIX}`.length;
  return join(dirname(target), `.${clip(basename(target), NAME_MAX - fixed)}.${hex}.partial`);
}

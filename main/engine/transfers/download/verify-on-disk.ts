import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { SifportError } from '../../errors.js';
import { ResumableHash } from '../../registry/transport/resumable-hash.js';
import { notOurs } from './partial-file.js';

/** What a file must hold: a layer's size (bytes) and digest (`sha256:<hex>`). */
export interface ExpectedBytes {
  readonly size: number;
  readonly digest: string;
}

const READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** DIGEST_MISMATCH for a file that changed on disk before the pull moved it into place. */
export function changedOnDisk(path: string, what: string): SifportError {
  return new SifportError(
    'DIGEST_MISMATCH',
    `The pulled file changed on disk before it was moved into place (${path} ${what}); it was discarded. Pull again, and check what else writes to that folder.`,
  );
}

/**
 * Checks what is on disk at `path`, not what was streamed: opened without following a link
 * (a regular file; with `requireOwner`, this user's own with no other hard link), its size
 * from `fstat`, its sha256 read back ({@link ResumableHash.catchUp}), and the name still
 * naming the opened file afterwards. Resolves with the open handle, so the caller can
 * `chmod` exactly the file that was verified; rejects with DIGEST_MISMATCH or FILE_ERROR.
 */
export async function verifyOnDisk(
  path: string,
  expected: ExpectedBytes,
  options: { readonly requireOwner: boolean; readonly signal?: AbortSignal | undefined },
): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, READ);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw changedOnDisk(path, 'is now a symbolic link');
    throw err;
  }
  try {
    const stats = await handle.stat();
    const why = notOurs(stats, options.requireOwner);
    if (why) throw changedOnDisk(path, why.replace(/^it /, ''));
    if (stats.size !== expected.size) {
      throw changedOnDisk(path, `holds ${stats.size} bytes, not ${expected.size}`);
    }
    const hash = new ResumableHash();
    await hash.catchUp(path, stats.size, options.signal);
    const now = await lstat(path);
    if (now.ino !== stats.ino || now.dev !== stats.dev) throw changedOnDisk(path, 'was replaced');
    const digest = hash.digest();
    if (digest !== expected.digest) {
      throw changedOnDisk(path, `has sha256 ${digest}, not ${expected.digest}`);
    }
    return handle;
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
}

/**
 * Throws {@link changedOnDisk} unless the file open as `handle` is as `before` (its `fstat`
 * when its bytes had been read back): same size, mtime and ctime (any write or truncate moves
 * them, and ctime cannot be set back), and still the file `path` names.
 */
export async function assertUnchanged(
  path: string,
  handle: FileHandle,
  before: Stats,
): Promise<void> {
  const now = await handle.stat();
  if (
    now.size !== before.size ||
    now.mtimeMs !== before.mtimeMs ||
    now.ctimeMs !== before.ctimeMs
  ) {
    throw changedOnDisk(path, 'was written to after it was read back');
  }
  const named = await lstat(path);
  if (named.ino !== now.ino || named.dev !== now.dev) throw changedOnDisk(path, 'was replaced');
}

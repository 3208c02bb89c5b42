import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Mode of files that hold secrets: owner read/write only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of the directory that holds them: owner only. */
export const PRIVATE_DIR_MODE = 0o700;

/** POSIX permission bits apply (Windows has ACLs instead; modes there are not meaningful). */
export function hasPosixModes(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32';
}

/**
 * Creates `dir` (and parents) with mode 0700 and tightens an existing one that group or
 * others may enter. Returns true when it had to fix the permissions.
 */
export async function ensurePrivateDir(dir: string): Promise<boolean> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!hasPosixModes()) return false;
  const st = await stat(dir);
  if ((st.mode & 0o077) === 0) return false;
  await chmod(dir, PRIVATE_DIR_MODE);
  return true;
}

/**
 * Writes `data` to `path` atomically: a temporary file beside it, created 0600 (never
 * readable by others, not even briefly), flushed to disk, then renamed over the target. A
 * reader sees the old or the new contents, never a torn file; a crash leaves the old file.
 */
export async function writePrivateFileAtomic(path: string, data: string): Promise<void> {
  await ensurePrivateDir(dirname(path));
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    if (hasPosixModes()) await chmod(temp, PRIVATE_FILE_MODE);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * Sets `path` back to 0600 when other users can read or write it (someone ran chmod, or an
 * old copy came from a backup). Returns the mode it had then, so the caller can warn; undefined
 * when nothing changed or the platform has no POSIX modes.
 */
export async function tightenPrivateFileMode(path: string): Promise<number | undefined> {
  if (!hasPosixModes()) return undefined;
  const mode = (await stat(path)).mode & 0o777;
  if ((mode & 0o077) === 0) return undefined;
  await chmod(path, PRIVATE_FILE_MODE);
  return mode;
}

import { randomBytes } from 'node:crypto';
import { open, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long {@link withFileLock} waits for a busy lock before giving up, in milliseconds. */
export const LOCK_WAIT_MS = 10_000;
/**
 * A lock file older than this (milliseconds) is taken to be left by a writer that died: the
 * work done under it (re-read, merge, write a small JSON file) takes milliseconds.
 */
export const STALE_LOCK_MS = 30_000;

/** Options for {@link withFileLock}. */
export interface FileLockOptions {
  readonly waitMs?: number;
  readonly staleMs?: number;
}

/**
 * Runs `work` while holding `lockPath`, created with O_EXCL so only one process (or one caller
 * in this process) holds it at a time; other callers poll until it is free. A lock older than
 * `staleMs` is removed. Returns undefined without running `work` when the lock stays busy for
 * `waitMs`: callers use it for caches, where skipping one write is better than failing.
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T | undefined> {
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  const staleMs = options.staleMs ?? STALE_LOCK_MS;
  for (;;) {
    const held = await tryLock(lockPath);
    if (held) {
      try {
        return await work();
      } finally {
        await unlink(lockPath).catch(() => undefined);
      }
    }
    if (await isStale(lockPath, staleMs)) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) return undefined;
    await sleep(5 + (randomBytes(1)[0] ?? 0) / 8);
  }
}

async function tryLock(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    await handle.writeFile(String(process.pid)).finally(() => handle.close());
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > staleMs;
  } catch {
    return false; // Gone already: the next attempt may take it.
  }
}

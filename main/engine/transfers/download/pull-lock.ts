import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { SifportError } from '../../errors.js';

/** Who holds a pull lock, as written in the lock file (JSON). */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601 time the lock was taken. */
  readonly started: string;
}

/** Timings of {@link acquirePullLock}; tests make them short. */
export interface PullLockOptions {
  readonly signal?: AbortSignal | undefined;
  /** Told once per holder when the lock is busy (`undefined`: not yet readable). */
  readonly onWait?: ((holder: LockHolder | undefined) => void) | undefined;
  /** First wait between tries (ms); doubles up to {@link maxPollMs}. Default 100. */
  readonly pollMs?: number | undefined;
  /** Longest wait between tries (ms). Default 2000. */
  readonly maxPollMs?: number | undefined;
  /** How often the holder touches its lock file (ms). Default 10 s. */
  readonly heartbeatMs?: number | undefined;
  /** A lock untouched this long (ms) is stale, whoever holds it. Default 2 min. */
  readonly staleMs?: number | undefined;
}

/** A held lock: release it once the pull has ended, however it ended. */
export interface PullLock {
  /** True when another pull held the lock first and this one waited for it. */
  readonly waited: boolean;
  release(): Promise<void>;
}

const CREATE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
const THIS_HOST = hostname();

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** True unless `pid` surely runs no process on this host (EPERM: it runs, as someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errno(err) !== 'ESRCH';
  }
}

const READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The holder written in the lock file: read without following a link, at most 4 KiB. */
async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const handle = await open(path, READ);
    let text = '';
    try {
      if (!(await handle.stat()).isFile()) return undefined;
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.host === 'string'
      ? { pid: value.pid, host: value.host, started: String(value.started ?? '') }
      : undefined;
  } catch {
    return undefined; // missing, still being written, or not ours to read
  }
}

/**
 * Removes the stale lock at `path` if it is still the file judged stale (inode `ino`): it is
 * renamed aside first, so two waiters breaking the same stale lock cannot both win, and a
 * fresh lock taken meanwhile (a different inode) is put back.
 */
async function breakStale(path: string, ino: number, holder?: LockHolder): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (err) {
    if (errno(err) === 'ENOENT') return; // someone else broke (or released) it
    const who = holder ? ` (left by pid ${holder.pid} on ${holder.host})` : '';
    throw new SifportError(
      'FILE_ERROR',
      `The stale lock ${path}${who} cannot be removed (${errno(err) ?? String(err)}); remove it and pull again.`,
      { cause: err },
    );
  }
  const moved = await lstat(aside).catch(() => undefined);
  if (moved && moved.ino !== ino) await link(aside, path).catch(() => {});
  await rm(aside, { force: true });
}

async function takeLock(path: string): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, CREATE, 0o644);
  } catch (err) {
    if (errno(err) === 'EEXIST') return undefined;
    throw err;
  }
  const holder: LockHolder = {
    pid: process.pid,
    host: THIS_HOST,
    started: new Date().toISOString(),
  };
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    return handle;
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(path, { force: true });
    throw err;
  }
}

/**
 * Takes the lock that lets one pull at a time write a partial file. Node has no `flock`, and
 * a pull directory may be on NFS or Lustre shared by many hosts, so the lock is a file beside
 * the partial (`…partial.lock`) created with O_EXCL, which those file systems make atomic,
 * holding the holder's pid, host and start time. While held, its mtime is touched every
 * `heartbeatMs`. A waiter polls (100 ms doubling to 2 s) and breaks the lock when it is stale:
 * its pid is gone on this host, or nobody touched it for `staleMs` (a holder on another host
 * that died). The mtime is compared with the waiter's own clock as well as with the time it
 * last saw the mtime change, so a skewed clock cannot keep a dead lock alive forever. A stale
 * lock that cannot be removed (another user's, in a sticky folder) is FILE_ERROR naming it.
 * `signal` cancels the wait (an AbortError).
 */
export async function acquirePullLock(
  path: string,
  options: PullLockOptions = {},
): Promise<PullLock> {
  const { signal, onWait } = options;
  const maxPollMs = options.maxPollMs ?? 2000;
  const staleMs = options.staleMs ?? 120_000;
  let pollMs = options.pollMs ?? 100;
  let waited = false;
  let told: string | undefined;
  let seen: { ino: number; mtimeMs: number; since: number } | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const handle = await takeLock(path);
    if (handle) return heldLock(path, handle, waited, options.heartbeatMs ?? 10_000);
    const stats = await lstat(path).catch(() => undefined);
    if (!stats) continue; // released between our try and our look
    const holder = await readHolder(path);
    const now = Date.now();
    if (!seen || seen.ino !== stats.ino || seen.mtimeMs !== stats.mtimeMs) {
      seen = { ino: stats.ino, mtimeMs: stats.mtimeMs, since: now };
    }
    const deadHere = holder?.host === THIS_HOST && !isAlive(holder.pid);
    const untouched = Math.min(now - stats.mtimeMs, now - seen.since) > staleMs;
    if (deadHere || untouched || now - stats.mtimeMs > 10 * staleMs) {
      await breakStale(path, stats.ino, holder);
      continue;
    }
    const who = holder ? `${holder.pid}@${holder.host}` : undefined;
    if (!waited || who !== told) {
      told = who;
      onWait?.(holder);
    }
    waited = true;
    await sleep(pollMs, undefined, { signal });
    pollMs = Math.min(pollMs * 2, maxPollMs);
  }
}

function heldLock(
  path: string,
  handle: FileHandle,
  waited: boolean,
  heartbeatMs: number,
): PullLock {
  const beat = setInterval(() => {
    const now = new Date();
    handle.utimes(now, now).catch(() => {});
  }, heartbeatMs);
  beat.unref();
  let released = false;
  return {
    waited,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      clearInterval(beat);
      const mine = await handle.stat().catch(() => undefined);
      await handle.close().catch(() => {});
      // Only our own lock: after a long stall a waiter may have broken it and taken a new one.
      const there = await lstat(path).catch(() => undefined);
      if (mine && there && there.ino === mine.ino && there.dev === mine.dev) {
        await rm(path, { force: true });
      }
    },
  };
}

/** The lock file of a partial file. */
export function lockPathFor(partialPath: string): string {
  return `${partialPath}.lock`;
}

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { acquirePullLock, type LockHolder } from './pull-lock.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const FAST = { pollMs: 5, maxPollMs: 20, heartbeatMs: 20, staleMs: 400 };

/** A pid that surely runs nothing: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('acquirePullLock', () => {
  const dir = suiteTempDir('sifport-lock-test-');
  let n = 0;
  const lockPath = (): string => join(dir.path, `p${++n}.partial.lock`);
  /** Who the lock file at `path` names as its holder. */
  const readHolder = async (path: string): Promise<LockHolder> =>
    JSON.parse(await readFile(path, 'utf8')) as LockHolder;

  it('writes pid, host and start time, and removes the file on release', async () => {
    const path = lockPath();
    const lock = await acquirePullLock(path, FAST);
    assert.equal(lock.waited, false);
    const holder = await readHolder(path);
    assert.equal(holder.pid, process.pid);
    assert.equal(holder.host, hostname());
    assert.ok(!Number.isNaN(Date.parse(holder.started)));
    await lock.release();
    await lock.release();
    assert.ok(!(await readdir(dir.path)).includes(path.slice(dir.path.length + 1)));
  });

  it('a second taker waits (told who holds it) until the first releases', async () => {
    const path = lockPath();
    const first = await acquirePullLock(path, FAST);
    const told: (LockHolder | undefined)[] = [];
    let second = false;
    const pending = acquirePullLock(path, { ...FAST, onWait: (h) => told.push(h) }).then((l) => {
      second = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(second, false, 'still waiting while the first holds the lock');
    assert.equal(told.length, 1);
    assert.equal(told[0]?.pid, process.pid);
    await first.release();
    const lock = await pending;
    assert.equal(lock.waited, true);
    await lock.release();
  });

  /** Takes a fresh lock, then starts a second taker of it that `controller` can cancel. */
  async function heldAndAwaited() {
    const path = lockPath();
    const first = await acquirePullLock(path, FAST);
    const controller = new AbortController();
    const pending = acquirePullLock(path, { ...FAST, signal: controller.signal });
    return { path, first, controller, pending };
  }

  it('a live holder keeps its lock past staleMs by touching it', async () => {
    const { first, controller, pending } = await heldAndAwaited();
    await new Promise((r) => setTimeout(r, 3 * FAST.staleMs));
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    await first.release();
  });

  it('breaks a lock whose pid is gone on this host, at once', async () => {
    const path = lockPath();
    const holder = { pid: deadPid(), host: hostname(), started: new Date().toISOString() };
    await writeFile(path, JSON.stringify(holder));
    const lock = await acquirePullLock(path, { ...FAST, staleMs: 60_000 });
    assert.equal((await readHolder(path)).pid, process.pid);
    await lock.release();
  });

  it('breaks a lock of another host once nobody touched it for staleMs', async () => {
    const path = lockPath();
    await writeFile(path, JSON.stringify({ pid: 1, host: 'elsewhere', started: '' }));
    const old = new Date(Date.now() - 10 * FAST.staleMs);
    await utimes(path, old, old);
    const lock = await acquirePullLock(path, FAST);
    assert.equal((await readHolder(path)).pid, process.pid);
    await lock.release();
    // Fresh, but never touched again while we wait: stale after staleMs of our own clock.
    await writeFile(path, JSON.stringify({ pid: 1, host: 'elsewhere', started: '' }));
    const start = Date.now();
    const again = await acquirePullLock(path, FAST);
    assert.ok(Date.now() - start >= FAST.staleMs * 0.9, 'waited about staleMs');
    await again.release();
  });

  it('cancel while waiting rejects with an AbortError and leaves the holder alone', async () => {
    const { path, first, controller, pending } = await heldAndAwaited();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal((await readHolder(path)).pid, process.pid);
    await first.release();
  });
});

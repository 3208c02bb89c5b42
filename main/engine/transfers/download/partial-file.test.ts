import assert from 'node:assert/strict';
import { chown, link, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';

import { SifportError } from '../../errors.js';
import { openPartialFile, partialPathFor } from './partial-file.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const isRoot = process.getuid?.() === 0;

function fileError(pattern: RegExp) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof SifportError, String(err));
    assert.equal(err.code, 'FILE_ERROR');
    assert.match(err.message, pattern);
    return true;
  };
}

describe('openPartialFile: only our own regular file, never through a link', () => {
  const dir = suiteTempDir('sifport-partial-test-');

  it('creates a new file 0600, appends to it, reads it', async () => {
    const path = join(dir.path, 'fresh');
    const created = await openPartialFile(path, 'create');
    await created.handle.write('head-');
    await created.handle.close();
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    const appended = await openPartialFile(path, 'append');
    assert.equal(appended.size, 5);
    await appended.handle.write('tail', 5);
    await appended.handle.close();
    const read = await openPartialFile(path, 'read');
    assert.equal(read.size, 9);
    await read.handle.close();
    assert.equal(await readFile(path, 'utf8'), 'head-tail');
  });

  it('create refuses a name that exists, even a dangling symlink', async () => {
    const path = join(dir.path, 'exists');
    await symlink(join(dir.path, 'nowhere'), path);
    await assert.rejects(
      openPartialFile(path, 'create'),
      fileError(/exists: it appeared at that name/),
    );
    await assert.rejects(stat(join(dir.path, 'nowhere')), { code: 'ENOENT' });
  });

  it('append and read refuse a symlink, and the file it points at is untouched', async () => {
    const victim = join(dir.path, 'victim');
    await writeFile(victim, 'precious', { mode: 0o600 });
    const path = join(dir.path, 'planted');
    await symlink(victim, path);
    for (const mode of ['append', 'read'] as const) {
      await assert.rejects(openPartialFile(path, mode), fileError(/symbolic link/));
    }
    assert.equal(await readFile(victim, 'utf8'), 'precious');
  });

  it('refuses a second hard link (the other name may be anyone’s file)', async () => {
    const other = join(dir.path, 'other-name');
    await writeFile(other, 'x');
    const path = join(dir.path, 'linked');
    await link(other, path);
    await assert.rejects(openPartialFile(path, 'append'), fileError(/hard link/));
  });

  it(
    'refuses a FIFO without blocking on it',
    { skip: process.platform === 'win32' && 'no FIFOs' },
    async () => {
      const path = join(dir.path, 'fifo');
      execFileSync('mkfifo', [path]);
      for (const mode of ['append', 'read'] as const) {
        await assert.rejects(openPartialFile(path, mode), fileError(/not a regular file/));
      }
    },
  );

  it(
    'refuses a file that belongs to another user',
    { skip: !isRoot && 'needs root to give a file away' },
    async () => {
      const path = join(dir.path, 'foreign');
      await writeFile(path, 'theirs');
      await chown(path, 65534, 65534);
      await assert.rejects(openPartialFile(path, 'append'), fileError(/another user/));
    },
  );
});

describe('partialPathFor', () => {
  it('is .NAME.<12 hex>.partial beside the target', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    assert.equal(partialPathFor('/d/out.sif', digest), `/d/.out.sif.${'ab'.repeat(6)}.partial`);
  });

  it('shortens a long name so the partial and its lock still fit a 255-byte name', () => {
    const digest = `sha256:${'cd'.repeat(32)}`;
    for (const name of ['x'.repeat(255), 'é'.repeat(127)]) {
      const partial = partialPathFor(`/d/${name}`, digest);
      const base = partial.slice(3);
      assert.ok(Buffer.byteLength(`${base}.lock`) <= 255, `${Buffer.byteLength(base)} bytes`);
      assert.ok(base.endsWith(`.${'cd'.repeat(6)}.partial`));
      assert.ok(!base.includes('\uFFFD'), 'no character cut in half');
    }
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { folderSpace } from './folder-space.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sifport-space-'));
  await writeFile(join(dir, 'bwa_0.7.18.sif'), 'x');
  await symlink(join(dir, 'gone'), join(dir, 'dangling.sif'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('a folder answers its free space and which names exist (dangling links count)', async () => {
  const space = await folderSpace(dir, ['bwa_0.7.18.sif', 'new.sif', 'dangling.sif']);
  assert.equal(space.path, dir);
  assert.ok(space.freeBytes !== undefined && space.freeBytes > 0);
  assert.deepEqual(space.existing, ['bwa_0.7.18.sif', 'dangling.sif']);
  const faked = await folderSpace(dir, [], async () => 1234);
  assert.equal(faked.freeBytes, 1234);
});

test('relative, missing and non-folder paths are refused with what to do', async () => {
  await assert.rejects(folderSpace('relative/dir'), { code: 'USAGE', message: /absolute/ });
  await assert.rejects(folderSpace(join(dir, 'missing')), {
    code: 'NOT_FOUND',
    message: /does not exist; create it/,
  });
  await assert.rejects(folderSpace(join(dir, 'bwa_0.7.18.sif')), {
    code: 'FILE_ERROR',
    message: /not a folder/,
  });
  await assert.rejects(folderSpace(dir, ['../escape.sif']), { code: 'USAGE' });
});

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { FileDigestCache, MemoryDigestCache, type FileIdentity } from './digest-cache.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const file: FileIdentity = { path: '/x/a.sif', size: 10, mtimeMs: 1000, ino: 7 };

describe('MemoryDigestCache', () => {
  it('finds a digest only while size, mtime and inode are unchanged', async () => {
    const cache = new MemoryDigestCache();
    assert.equal(await cache.lookup(file), undefined);
    await cache.remember(file, D1, 'reg/a');
    assert.equal((await cache.lookup(file))?.digest, D1);
    assert.equal(await cache.lookup({ ...file, size: 11 }), undefined);
    assert.equal(await cache.lookup({ ...file, mtimeMs: 1001 }), undefined);
    assert.equal(await cache.lookup({ ...file, ino: 8 }), undefined);
  });

  it('keeps locations newest first without duplicates, and drops them when the digest changes', async () => {
    const cache = new MemoryDigestCache();
    await cache.remember(file, D1, 'reg/a');
    await cache.remember(file, D1, 'reg/b');
    await cache.remember(file, D1, 'reg/a');
    await cache.remember(file, D1);
    assert.deepEqual((await cache.lookup(file))?.locations, ['reg/a', 'reg/b']);
    await cache.remember(file, D2, 'reg/c');
    assert.deepEqual((await cache.lookup(file))?.locations, ['reg/c']);
  });
});

describe('FileDigestCache', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sifport-digest-cache-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('persists entries across instances', async () => {
    const path = join(dir, 'sub', 'cache.json');
    await new FileDigestCache(path).remember(file, D1, 'reg/a');
    const reloaded = await new FileDigestCache(path).lookup(file);
    assert.equal(reloaded?.digest, D1);
    assert.deepEqual(reloaded?.locations, ['reg/a']);
    assert.equal(JSON.parse(await readFile(path, 'utf8')).version, 1);
  });

  it('ignores a corrupt file and starts empty', async () => {
    const path = join(dir, 'corrupt.json');
    await writeFile(path, '{not json');
    const cache = new FileDigestCache(path);
    assert.equal(await cache.lookup(file), undefined);
    await cache.remember(file, D2);
    assert.equal((await new FileDigestCache(path).lookup(file))?.digest, D2);
  });
});

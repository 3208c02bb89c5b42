import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

import { FileDigestCache, MemoryDigestCache, type FileIdentity } from './digest-cache.js';
import { suiteTempDir } from '../../../e2e/kit/index.js';

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
  const dir = suiteTempDir('sifport-digest-cache-');

  it('persists entries across instances', async () => {
    const path = join(dir.path, 'sub', 'cache.json');
    await new FileDigestCache(path).remember(file, D1, 'reg/a');
    const reloaded = await new FileDigestCache(path).lookup(file);
    assert.equal(reloaded?.digest, D1);
    assert.deepEqual(reloaded?.locations, ['reg/a']);
    assert.equal(JSON.parse(await readFile(path, 'utf8')).version, 1);
  });

  it('ignores a corrupt file and starts empty', async () => {
    const path = join(dir.path, 'corrupt.json');
    await writeFile(path, '{not json');
    const cache = new FileDigestCache(path);
    assert.equal(await cache.lookup(file), undefined);
    await cache.remember(file, D2);
    assert.equal((await new FileDigestCache(path).lookup(file))?.digest, D2);
  });

  it('keeps every entry when 8 writers remember at once: 5 in this process, 3 in others', async () => {
    const path = join(dir.path, 'concurrent.json');
    const module = new URL('./digest-cache.ts', import.meta.url).href;
    const entry = (n: number): FileIdentity => ({
      path: `/x/${n}.sif`,
      size: n,
      mtimeMs: n,
      ino: n,
    });
    const child = (n: number) =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `const { FileDigestCache } = await import(${JSON.stringify(module)});
           await new FileDigestCache(${JSON.stringify(path)}).remember(${JSON.stringify(entry(n))}, ${JSON.stringify(D1)});`,
        ],
        { timeout: 30_000 },
      );
    await Promise.all([
      ...[0, 1, 2, 3, 4].map((n) => new FileDigestCache(path).remember(entry(n), D1)),
      ...[5, 6, 7].map(child),
    ]);
    const saved = JSON.parse(await readFile(path, 'utf8')) as { entries: { path: string }[] };
    assert.deepEqual(
      saved.entries.map((e) => e.path).sort(),
      [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `/x/${n}.sif`),
    );
    for (let n = 0; n < 8; n += 1) {
      assert.equal((await new FileDigestCache(path).lookup(entry(n)))?.digest, D1);
    }
  });

  it('keeps every entry when one shared instance remembers 8 files at once (the app)', async () => {
    const path = join(dir.path, 'shared.json');
    const cache = new FileDigestCache(path);
    const entry = (n: number): FileIdentity => ({
      path: `/y/${n}.sif`,
      size: n,
      mtimeMs: n,
      ino: n,
    });
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((n) => cache.remember(entry(n), D2)));
    const reloaded = new FileDigestCache(path);
    for (let n = 0; n < 8; n += 1) assert.equal((await reloaded.lookup(entry(n)))?.digest, D2);
  });

  it('merges with what another instance wrote since this one loaded', async () => {
    const path = join(dir.path, 'interleaved.json');
    const first = new FileDigestCache(path);
    const second = new FileDigestCache(path);
    const other: FileIdentity = { ...file, path: '/x/b.sif' };
    assert.equal(await first.lookup(file), undefined);
    assert.equal(await second.lookup(other), undefined);
    await first.remember(file, D1);
    await second.remember(other, D2);
    const reloaded = new FileDigestCache(path);
    assert.equal((await reloaded.lookup(file))?.digest, D1);
    assert.equal((await reloaded.lookup(other))?.digest, D2);
  });

  it('takes over a lock left behind by a writer that died', async () => {
    const path = join(dir.path, 'stale.json');
    await writeFile(`${path}.lock`, '999999');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);
    await new FileDigestCache(path).remember(file, D1);
    assert.equal((await new FileDigestCache(path).lookup(file))?.digest, D1);
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { ResumableHash } from '../../registry/transport/resumable-hash.js';
import { TrailingHash } from './trailing-hash.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const sha = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('TrailingHash', () => {
  const dir = suiteTempDir('sifport-trailing-');

  it('hashes what is on disk, report by report', async () => {
    const path = join(dir.path, 'grows');
    const trail = new TrailingHash(new ResumableHash(), path);
    await writeFile(path, 'abc');
    trail.written(3);
    await appendFile(path, 'defg');
    trail.written(7);
    await trail.settle();
    assert.equal(trail.hash.offset, 7);
    assert.equal(trail.hash.digest(), sha('abcdefg'));
  });

  it('reads the disk, not what the writer meant: a changed byte changes the digest', async () => {
    const path = join(dir.path, 'changed');
    await writeFile(path, 'abXdefg');
    const trail = new TrailingHash(new ResumableHash(), path);
    trail.written(7);
    await trail.settle();
    assert.notEqual(trail.hash.digest(), sha('abcdefg'));
  });

  it('a read that fails resets the hash on settle', async () => {
    const path = join(dir.path, 'shrinks');
    await writeFile(path, 'abc');
    const trail = new TrailingHash(new ResumableHash(), path);
    await truncate(path, 1);
    trail.written(3);
    trail.written(3);
    await trail.settle();
    assert.equal(trail.hash.offset, 0);
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ResumableHash } from '../../registry/transport/resumable-hash.js';
import { TrailingHash } from './trailing-hash.js';

const sha = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('TrailingHash', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sifport-trailing-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('hashes what is on disk, report by report', async () => {
    const path = join(dir, 'grows');
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
    const path = join(dir, 'changed');
    await writeFile(path, 'abXdefg');
    const trail = new TrailingHash(new ResumableHash(), path);
    trail.written(7);
    await trail.settle();
    assert.notEqual(trail.hash.digest(), sha('abcdefg'));
  });

  it('a read that fails resets the hash on settle', async () => {
    const path = join(dir, 'shrinks');
    await writeFile(path, 'abc');
    const trail = new TrailingHash(new ResumableHash(), path);
    await truncate(path, 1);
    trail.written(3);
    trail.written(3);
    await trail.settle();
    assert.equal(trail.hash.offset, 0);
  });
});

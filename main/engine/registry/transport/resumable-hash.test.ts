import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MiB, randomBlobFile, suiteTempDir } from '../../../../e2e/kit/index.js';
import { ResumableHash } from './resumable-hash.js';

const dir = suiteTempDir('sifport-resumable-hash-test-');

describe('ResumableHash', () => {
  it('snapshots, restores and catches up to give the digest of the whole file', async () => {
    const file = await randomBlobFile(dir.path, 3 * MiB + 123);
    const hash = new ResumableHash();
    hash.update(file.bytes.subarray(0, 1000));
    const snap = hash.snapshot();
    hash.update(Buffer.from('garbage that was never acknowledged'));
    hash.restore(snap);
    assert.equal(hash.offset, 1000);
    await hash.catchUp(file.path, file.bytes.length);
    assert.equal(hash.digest(), file.digest);
    assert.equal(hash.digest(), file.digest, 'digest() leaves the state usable');
    hash.reset();
    assert.equal(hash.offset, 0);
    await assert.rejects(hash.catchUp(file.path, file.bytes.length + 1), /ended early/);
  });
});

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { suiteTempDir } from '../../../../e2e/kit/index.js';
import { WorkerFileHash } from './worker-file-hash.js';

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('WorkerFileHash: the pull digest on a worker thread (issue #13)', () => {
  const dir = suiteTempDir('sifport-worker-hash-');

  it('hashes a file in steps as it grows, like one pass over it', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 5);
    const path = join(dir.path, 'grow.bin');
    await writeFile(path, bytes);
    const hash = new WorkerFileHash();
    try {
      for (const step of [1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1, bytes.length]) {
        await hash.catchUp(path, step);
        assert.equal(hash.offset, step);
        assert.equal(await hash.digest(), sha(bytes.subarray(0, step)));
      }
      await hash.catchUp(path, 10); // behind the offset: nothing to do
      assert.equal(hash.offset, bytes.length);
    } finally {
      hash.close();
    }
  });

  it('starts again after reset, and reports a file shorter than asked', async () => {
    const bytes = randomBytes(1000);
    const path = join(dir.path, 'short.bin');
    await writeFile(path, bytes);
    const hash = new WorkerFileHash();
    try {
      await hash.catchUp(path, 600);
      hash.reset();
      assert.equal(hash.offset, 0);
      await assert.rejects(hash.catchUp(path, 2000), /ended early/);
      assert.equal(hash.offset, 1000, 'what was read is counted');
      assert.equal(await hash.digest(), sha(bytes));
    } finally {
      hash.close();
    }
  });

  it('refuses to work once closed, and stops at an aborted signal', async () => {
    const path = join(dir.path, 'closed.bin');
    await writeFile(path, randomBytes(100));
    const hash = new WorkerFileHash();
    await assert.rejects(hash.catchUp(path, 50, AbortSignal.abort()), /abort/i);
    hash.close();
    await assert.rejects(hash.catchUp(path, 50), /hashing thread ended/);
  });
});

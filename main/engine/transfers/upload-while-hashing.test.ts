import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startFakeRegistry, type FakeRegistry } from '../../../e2e/support/fake-registry.js';
import { SlowUplink } from '../../../e2e/support/slow-uplink.js';
import { headBlob } from '../registry/blobs.js';
import { RegistryClient } from '../registry/client.js';
import { uploadBlob } from '../registry/upload.js';
import { uploadWhileHashing } from './upload-while-hashing.js';

const FAST = { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 };
const SIZE = 24 * 1024 * 1024;

describe('uploadWhileHashing: upload at once, stop when the digest shows the blob is there', () => {
  let fake: FakeRegistry;
  let dir: string;
  let file: string;
  let digest: string;

  before(async () => {
    fake = await startFakeRegistry();
    dir = await mkdtemp(join(tmpdir(), 'sifport-upload-hashing-'));
    file = join(dir, 'big.sif');
    const bytes = randomBytes(SIZE);
    await writeFile(file, bytes);
    digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  });
  after(async () => {
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const client = (uplink: SlowUplink): RegistryClient =>
    new RegistryClient({ registry: fake.host, transport: uplink, retry: FAST });

  it('a blob the registry lacks is uploaded whole, and its digest comes from the hash', async () => {
    const uplink = new SlowUplink(400 * 1024 * 1024);
    const c = client(uplink);
    try {
      const result = await uploadWhileHashing({
        client: c,
        repository: 'hashing/fresh',
        path: file,
        size: SIZE,
      });
      assert.equal(result.blob, 'uploaded');
      assert.equal(result.digest, digest);
      assert.equal(uplink.patchedBytes, SIZE);
      assert.equal(await headBlob(c, 'hashing/fresh', digest), SIZE);
    } finally {
      c.close();
      uplink.close();
    }
  });

  it('a blob the registry already has: the upload stops early and its session is deleted', async () => {
    const seed = new SlowUplink(1e12);
    const seeding = client(seed);
    await uploadBlob({ client: seeding, repository: 'hashing/known', path: file, size: SIZE });
    seeding.close();
    seed.close();

    // 4 MB/s: the whole file would take 6 s; hashing it takes a few milliseconds.
    const uplink = new SlowUplink(4 * 1024 * 1024);
    const c = client(uplink);
    const before = fake.requests.length;
    try {
      const result = await uploadWhileHashing({
        client: c,
        repository: 'hashing/known',
        path: file,
        size: SIZE,
      });
      assert.equal(result.blob, 'present');
      assert.equal(result.digest, digest);
      assert.ok(uplink.patchedBytes < SIZE / 2, `sent ${uplink.patchedBytes} of ${SIZE} bytes`);
      const calls = fake.requests.slice(before).map((r) => r.method);
      assert.ok(calls.includes('DELETE'), `the upload session is cancelled (${calls.join(' ')})`);
      assert.ok(!calls.includes('PUT'), 'the upload is never completed');
    } finally {
      c.close();
      uplink.close();
    }
  });

  it('cancelling stops both the upload and the hash with CANCELLED', async () => {
    const uplink = new SlowUplink(4 * 1024 * 1024);
    const c = client(uplink);
    try {
      await assert.rejects(
        uploadWhileHashing({
          client: c,
          repository: 'hashing/cancelled',
          path: file,
          size: SIZE,
          signal: AbortSignal.timeout(100),
        }),
        { code: 'CANCELLED' },
      );
    } finally {
      c.close();
      uplink.close();
    }
  });

  it('a file shorter than announced is FILE_ERROR naming the file', async () => {
    const uplink = new SlowUplink(1e12);
    const c = client(uplink);
    try {
      await assert.rejects(
        uploadWhileHashing({
          client: c,
          repository: 'hashing/short',
          path: file,
          size: SIZE + 10,
        }),
        { code: 'FILE_ERROR', message: /Cannot read .*big\.sif to push it: .*ended early/ },
      );
    } finally {
      c.close();
      uplink.close();
    }
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

import { SlowUplink, sha256, suiteFakeRegistry, suiteTempDir } from '../../../e2e/kit/index.js';
import { headBlob } from '../registry/blobs.js';
import { RegistryClient } from '../registry/client.js';
import { uploadBlob } from '../registry/upload.js';
import { uploadWhileHashing } from './upload-while-hashing.js';

const FAST = { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 };
const SIZE = 24 * 1024 * 1024;

describe('uploadWhileHashing: upload at once, stop when the digest shows the blob is there', () => {
  const fake = suiteFakeRegistry();
  const dir = suiteTempDir('sifport-upload-hashing-');
  let file: string;
  let digest: string;

  before(async () => {
    file = join(dir.path, 'big.sif');
    const bytes = randomBytes(SIZE);
    await writeFile(file, bytes);
    digest = sha256(bytes);
  });

  /**
   * Runs `fn` with a client whose uploads leave at `bytesPerSecond`, and an upload of the test
   * file to `repository` (`size` overrides the announced size); closes both afterwards.
   */
  async function withUplink(
    bytesPerSecond: number,
    fn: (
      upload: (
        repository: string,
        extra?: { size?: number; signal?: AbortSignal },
      ) => ReturnType<typeof uploadWhileHashing>,
      client: RegistryClient,
      uplink: SlowUplink,
    ) => Promise<void>,
  ): Promise<void> {
    const uplink = new SlowUplink(bytesPerSecond);
    const client = new RegistryClient({ registry: fake.host, transport: uplink, retry: FAST });
    try {
      await fn(
        (repository, extra = {}) =>
          uploadWhileHashing({ client, repository, path: file, size: SIZE, ...extra }),
        client,
        uplink,
      );
    } finally {
      client.close();
      uplink.close();
    }
  }

  it('a blob the registry lacks is uploaded whole, and its digest comes from the hash', () =>
    withUplink(400 * 1024 * 1024, async (upload, client, uplink) => {
      const result = await upload('hashing/fresh');
      assert.equal(result.blob, 'uploaded');
      assert.equal(result.digest, digest);
      assert.equal(uplink.patchedBytes, SIZE);
      assert.equal(await headBlob(client, 'hashing/fresh', digest), SIZE);
    }));

  it('a blob the registry already has: the upload stops early and its session is deleted', async () => {
    await withUplink(1e12, (_upload, client) =>
      uploadBlob({ client, repository: 'hashing/known', path: file, size: SIZE }).then(() => {}),
    );
    // 4 MiB/s: the whole file would take 6 s; hashing it takes a few milliseconds.
    await withUplink(4 * 1024 * 1024, async (upload, _client, uplink) => {
      const before = fake.requests.length;
      const result = await upload('hashing/known');
      assert.equal(result.blob, 'present');
      assert.equal(result.digest, digest);
      assert.ok(uplink.patchedBytes < SIZE / 2, `sent ${uplink.patchedBytes} of ${SIZE} bytes`);
      const calls = fake.requests.slice(before).map((r) => r.method);
      assert.ok(calls.includes('DELETE'), `the upload session is cancelled (${calls.join(' ')})`);
      assert.ok(!calls.includes('PUT'), 'the upload is never completed');
    });
  });

  it('cancelling stops both the upload and the hash with CANCELLED', () =>
    withUplink(4 * 1024 * 1024, async (upload) => {
      await assert.rejects(upload('hashing/cancelled', { signal: AbortSignal.timeout(100) }), {
        code: 'CANCELLED',
      });
    }));

  it('a file shorter than announced is FILE_ERROR naming the file', () =>
    withUplink(1e12, async (upload) => {
      await assert.rejects(upload('hashing/short', { size: SIZE + 10 }), {
        code: 'FILE_ERROR',
        message: /Cannot read .*big\.sif to push it: .*ended early/,
      });
    }));
});

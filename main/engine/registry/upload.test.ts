import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  startFakeRegistry,
  type FakeRegistryOptions,
  FAST_RETRY,
  suiteTempDir,
  MiB,
  randomBlobFile,
  fetchBlobDirect,
  sha256,
} from '../../../e2e/kit/index.js';
import { RegistryClient } from './client.js';
import {
  chunkSizeByTime,
  MAX_CHUNK_SIZE,
  nextChunkSize,
  uploadBlob,
  uploadBytes,
} from './upload.js';
import { MemoryUploadTuningStore } from './upload-tuning.js';

const dir = suiteTempDir('sifport-upload-test-');

const blobFile = (size: number) => randomBlobFile(dir.path, size);
const fetchBlob = fetchBlobDirect;

/** Uploads `file` to `repository` in 1 MiB chunks. */
function uploadInMiBChunks(
  client: RegistryClient,
  repository: string,
  file: { path: string; bytes: Buffer },
) {
  return uploadBlob({
    client,
    repository,
    path: file.path,
    size: file.bytes.length,
    chunkSize: MiB,
  });
}

async function withFake<T>(
  options: FakeRegistryOptions,
  body: (fake: Awaited<ReturnType<typeof startFakeRegistry>>, client: RegistryClient) => Promise<T>,
): Promise<T> {
  const fake = await startFakeRegistry(options);
  const client = new RegistryClient({ registry: fake.host, retry: FAST_RETRY });
  try {
    return await body(fake, client);
  } finally {
    client.close();
    await fake.stop();
  }
}

describe('chunkSizeByTime', () => {
  const first = 128 * MiB;
  it('aims at 8 s per chunk, at most doubling, never below the first nor above 1 GiB', () => {
    // 45 MB/s (a far registry): 8 s is 343 MiB, past double.
    assert.equal(chunkSizeByTime({ bytes: first, seconds: 2.98 }, first, first), 2 * first);
    assert.equal(chunkSizeByTime({ bytes: 2 * first, seconds: 5.96 }, 2 * first, first), 343 * MiB);
    // 5 MB/s: 8 s is 38 MiB, but chunks never go below where they started.
    assert.equal(chunkSizeByTime({ bytes: first, seconds: 26.8 }, first, first), first);
    // Loopback: capped at 1 GiB.
    assert.equal(
      chunkSizeByTime({ bytes: 1024 * MiB, seconds: 1 }, 1024 * MiB, first),
      MAX_CHUNK_SIZE,
    );
  });
});

describe('nextChunkSize', () => {
  it('folds a tail of at most an eighth of a chunk, and only when allowed', () => {
    assert.equal(nextChunkSize(10, 16, true), 10);
    assert.equal(nextChunkSize(18, 16, true), 18);
    assert.equal(nextChunkSize(19, 16, true), 16);
    assert.equal(nextChunkSize(18, 16, false), 16);
    assert.equal(nextChunkSize(16, 16, false), 16);
  });
});

describe('uploadBlob (oras.md §3.3)', () => {
  it('sends contiguous Content-Range chunks, hashes while sending, and closes with ?digest=', async () => {
    const file = await blobFile(2.5 * MiB);
    await withFake({}, async (fake, client) => {
      const sent: number[] = [];
      const result = await uploadBlob({
        client,
        repository: 'up/chunks',
        path: file.path,
        size: file.bytes.length,
        chunkSize: MiB,
        onBytes: (n) => sent.push(n),
      });
      assert.deepEqual(result, { digest: file.digest, resumes: 0, restarts: 0, chunks: 3 });
      assert.deepEqual(await fetchBlob(fake.url, 'up/chunks', file.digest), file.bytes);
      const patches = fake.requests.filter((r) => r.method === 'PATCH');
      assert.deepEqual(
        patches.map((r) => r.status),
        [202, 202, 202],
      );
      assert.equal(sent.at(-1), file.bytes.length);
      assert.ok(
        sent.every((n, i) => i === 0 || n >= sent[i - 1]!),
        'progress never goes back',
      );
    });
  });

  it('sends a small tail with the last chunk: one idle round trip fewer (issue #13)', async () => {
    const file = await blobFile(2 * MiB + 7);
    await withFake({}, async (fake, client) => {
      const result = await uploadInMiBChunks(client, 'up/tail', file);
      assert.equal(result.chunks, 2);
      assert.deepEqual(await fetchBlob(fake.url, 'up/tail', file.digest), file.bytes);
      const ranges = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.contentRange);
      assert.deepEqual(ranges, [`0-${MiB - 1}`, `${MiB}-${2 * MiB + 6}`]);
    });
  });

  it('lets chunks grow with the link when asked: each at most double the last (issue #13)', async () => {
    const file = await blobFile(12 * MiB);
    await withFake({}, async (fake, client) => {
      const result = await uploadBlob({
        client,
        repository: 'up/grow',
        path: file.path,
        size: file.bytes.length,
        chunkSize: MiB,
        growChunks: true,
      });
      assert.deepEqual(await fetchBlob(fake.url, 'up/grow', file.digest), file.bytes);
      const ranges = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.contentRange);
      // Loopback carries far more than a chunk in 8 s: 1, 2, 4 MiB, then the 5 MiB left.
      assert.deepEqual(ranges, [
        `0-${MiB - 1}`,
        `${MiB}-${3 * MiB - 1}`,
        `${3 * MiB}-${7 * MiB - 1}`,
        `${7 * MiB}-${12 * MiB - 1}`,
      ]);
      assert.equal(result.chunks, 4);
    });
  });

  it('accepts ECR-style 201 answers to PATCH', async () => {
    const file = await blobFile(2.5 * MiB);
    await withFake({ patchStatus: 201 }, async (fake, client) => {
      const result = await uploadInMiBChunks(client, 'up/ecr', file);
      assert.equal(result.chunks, 3);
      assert.deepEqual(await fetchBlob(fake.url, 'up/ecr', file.digest), file.bytes);
      assert.deepEqual(
        fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.status),
        [201, 201, 201],
      );
    });
  });

  it('halves the chunk after 413 (GHCR-style cap) and remembers the size per registry', async () => {
    const file = await blobFile(3 * MiB);
    await withFake({ maxRequestBytes: 1.5 * MiB }, async (fake, client) => {
      const tuning = new MemoryUploadTuningStore();
      const result = await uploadBlob({
        client,
        repository: 'up/ghcr',
        path: file.path,
        size: file.bytes.length,
        chunkSize: 4 * MiB,
        tuning,
      });
      assert.equal(result.digest, file.digest);
      assert.deepEqual(await fetchBlob(fake.url, 'up/ghcr', file.digest), file.bytes);
      assert.deepEqual(tuning.get(fake.host), { maxChunk: MiB });
      const statuses = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
      assert.deepEqual(statuses, [413, 413, 202, 202, 202]);

      // The next upload starts with the learnt size: no 413 at all.
      const again = await blobFile(2 * MiB);
      const before = fake.requests.length;
      await uploadBlob({
        client,
        repository: 'up/ghcr',
        path: again.path,
        size: again.bytes.length,
        chunkSize: 4 * MiB,
        tuning,
      });
      const later = fake.requests.slice(before).filter((r) => r.method === 'PATCH');
      assert.deepEqual(
        later.map((r) => r.status),
        [202, 202],
      );
    });
  });

  it('uses a known digest as given and fails if the bytes do not match it', async () => {
    const file = await blobFile(MiB);
    await withFake({}, async (_fake, client) => {
      await assert.rejects(
        uploadBlob({
          client,
          repository: 'up/changed',
          path: file.path,
          size: file.bytes.length,
          digest: `sha256:${'f'.repeat(64)}`,
        }),
        (err: unknown) => {
          assert.equal((err as { code?: string }).code, 'DIGEST_MISMATCH');
          assert.match((err as Error).message, /changed while it was being pushed/);
          return true;
        },
      );
    });
  });

  it('uploadBytes: POST then one PUT with the bytes', async () => {
    const bytes = Buffer.from('{}');
    const digest = sha256(bytes);
    await withFake({}, async (fake, client) => {
      await uploadBytes(client, 'up/small', bytes, digest);
      assert.deepEqual(
        fake.requests.map((r) => r.method),
        ['POST', 'PUT'],
      );
      assert.deepEqual(await fetchBlob(fake.url, 'up/small', digest), bytes);
    });
  });
});

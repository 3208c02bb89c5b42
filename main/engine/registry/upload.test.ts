import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import {
  startFakeRegistry,
  type FakeRegistryOptions,
  startFaultProxy,
  empty,
  json,
  startRecordingServer,
  FAST_RETRY,
  waitFor,
  suiteTempDir,
  loopbackClient,
  MiB,
  sha256,
} from '../../../e2e/kit/index.js';
import { RegistryClient } from './client.js';
import { ResumableHash } from './transport/resumable-hash.js';
import { nextChunkSize, uploadBlob, uploadBytes } from './upload.js';
import { MemoryUploadTuningStore } from './upload-tuning.js';

const dir = suiteTempDir('sifport-upload-test-');

/** A file of random bytes and its digest. */
async function blobFile(size: number): Promise<{ path: string; bytes: Buffer; digest: string }> {
  const bytes = randomBytes(size);
  const path = join(dir.path, `blob-${randomBytes(4).toString('hex')}`);
  await writeFile(path, bytes);
  return { path, bytes, digest: sha256(bytes) };
}

/** Reads a blob back through the registry's own HTTP API, without the code under test. */
async function fetchBlob(url: string, repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${url}/v2/${repo}/blobs/${digest}`);
  assert.equal(res.status, 200, `blob ${digest} should exist in ${repo}`);
  return Buffer.from(await res.arrayBuffer());
}

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

describe('uploadBlob after a broken connection (fake registry behind the fault proxy)', () => {
  async function throughProxy<T>(
    body: (
      proxy: Awaited<ReturnType<typeof startFaultProxy>>,
      fakeUrl: string,
      client: RegistryClient,
    ) => Promise<T>,
  ): Promise<T> {
    const fake = await startFakeRegistry();
    const proxy = await startFaultProxy(fake.url);
    const client = new RegistryClient({ registry: proxy.host, retry: FAST_RETRY });
    try {
      return await body(proxy, fake.url, client);
    } finally {
      client.close();
      await proxy.stop();
      await fake.stop();
    }
  }

  /** Uploads `file` to `repository` in 1 MiB chunks; the registry must then hold its bytes. */
  async function uploadChunked(
    client: RegistryClient,
    fakeUrl: string,
    repository: string,
    file: { path: string; bytes: Buffer; digest: string },
    extra: { onBytes?: () => void } = {},
  ) {
    const result = await uploadBlob({
      client,
      repository,
      path: file.path,
      size: file.bytes.length,
      chunkSize: MiB,
      ...extra,
    });
    assert.equal(result.digest, file.digest);
    assert.deepEqual(await fetchBlob(fakeUrl, repository, file.digest), file.bytes);
    return result;
  }

  it('resumes from the acknowledged offset when a chunk is cut half-way', async () => {
    const file = await blobFile(3 * MiB);
    await throughProxy(async (proxy, fakeUrl, client) => {
      // Let the first chunk through, cut the second after 300 KB.
      let patches = 0;
      proxy.cutAfter({ method: 'PATCH', pathPattern: /blobs\/uploads\//, bytes: MiB + 300_000 });
      const result = await uploadChunked(client, fakeUrl, 'cut/half', file, {
        onBytes: () => void patches++,
      });
      assert.equal(result.restarts, 0);
      assert.ok(result.resumes >= 1, `resumes ${result.resumes}`);
      const log = proxy.requests.map((r) => `${r.method} ${r.outcome}`);
      assert.ok(log.includes('PATCH cut'), log.join(', '));
      assert.ok(log.includes('GET forwarded'), 'a status GET asked where to resume');
    });
  });

  it('resumes from 0 when the very first chunk is cut (status says Range: 0-0)', async () => {
    const file = await blobFile(2 * MiB);
    await throughProxy(async (proxy, fakeUrl, client) => {
      proxy.cutAfter({ method: 'PATCH', bytes: 100_000 });
      const result = await uploadChunked(client, fakeUrl, 'cut/first', file);
      assert.equal(result.resumes, 1);
      // After the cut the client went on with the same range, from 0.
      const patches = proxy.requests.filter((r) => r.method === 'PATCH');
      assert.equal(patches[0]!.outcome, 'cut');
      assert.equal(patches[1]!.status, 202);
    });
  });

  it('resumes after the chunk arrived but its answer was lost', async () => {
    const file = await blobFile(3 * MiB);
    await throughProxy(async (proxy, fakeUrl, client) => {
      proxy.cutAfter({ method: 'PATCH', bytes: 64 * MiB }); // whole body forwarded, then cut
      const result = await uploadChunked(client, fakeUrl, 'cut/answer', file);
      assert.equal(result.restarts, 0);
      assert.equal(result.resumes, 1);
      // Only 3 MiB in 1 MiB chunks: the first one was not sent twice.
      const forwarded = proxy.requests
        .filter((r) => r.method === 'PATCH')
        .reduce((sum, r) => sum + r.bytesForwarded, 0);
      assert.equal(forwarded, 3 * MiB);
    });
  });

  it('CANCELLED when aborted mid-upload, and the session is deleted', async () => {
    const file = await blobFile(4 * MiB);
    await throughProxy(async (proxy, _fakeUrl, client) => {
      const controller = new AbortController();
      await assert.rejects(
        uploadBlob({
          client,
          repository: 'cut/cancel',
          path: file.path,
          size: file.bytes.length,
          chunkSize: MiB,
          signal: controller.signal,
          onBytes: (sent) => {
            if (sent > 1.5 * MiB) controller.abort();
          },
        }),
        { code: 'CANCELLED' },
      );
      const deletes = proxy.requests.filter((r) => r.method === 'DELETE');
      assert.equal(deletes.length, 1);
      await waitFor(() => deletes[0]!.status !== 0, { what: 'the answer to the DELETE' });
      assert.equal(deletes[0]!.status, 204);
      // The session is gone: its status is unknown to the registry now.
      const res = await fetch(new URL(deletes[0]!.path, proxy.url));
      assert.equal(res.status, 404);
    });
  });
});

describe('uploadBlob against a registry that refuses Content-Range (416)', () => {
  it('falls back to one stream-mode PATCH from offset 0 and remembers that per registry', async () => {
    let parts: Buffer[] = [];
    const size = (): number => parts.reduce((n, b) => n + b.length, 0);
    const range = (): string => `0-${Math.max(size() - 1, 0)}`;
    const server = await startRecordingServer((req, res) => {
      const url = new URL(req.path, 'http://x');
      const location = '/v2/r/blobs/uploads/s1';
      if (req.method === 'POST' && url.pathname === '/v2/r/blobs/uploads/') {
        parts = [];
        return empty(res, 202, { location, range: '0-0' });
      }
      if (url.pathname !== location) return false;
      if (req.method === 'PATCH' && req.headers['content-range'] !== undefined) {
        return json(res, 416, { errors: [{ code: 'RANGE_INVALID' }] }, { range: range() });
      }
      if (req.method === 'PATCH') {
        parts.push(req.body);
        return empty(res, 202, { location, range: range() });
      }
      if (req.method === 'GET') return empty(res, 204, { location, range: range() });
      if (req.method === 'PUT') {
        const digest = url.searchParams.get('digest');
        const actual = sha256(Buffer.concat(parts));
        if (digest !== actual) return json(res, 400, { errors: [{ code: 'DIGEST_INVALID' }] });
        return empty(res, 201, { 'docker-content-digest': actual });
      }
      return false;
    });
    const client = loopbackClient(server.host);
    const tuning = new MemoryUploadTuningStore();
    try {
      const file = await blobFile(2 * MiB + 5);
      const result = await uploadBlob({
        client,
        repository: 'r',
        path: file.path,
        size: file.bytes.length,
        chunkSize: MiB,
        tuning,
      });
      assert.equal(result.digest, file.digest);
      assert.deepEqual(Buffer.concat(parts), file.bytes);
      assert.deepEqual(tuning.get(server.host), { streamMode: true });
      const patches = server.requests.filter((r) => r.method === 'PATCH');
      assert.deepEqual(
        patches.map((r) => [r.headers['content-range'] ?? 'stream', r.body.length]),
        [
          ['0-1048575', MiB],
          ['stream', file.bytes.length],
        ],
      );

      // The next upload to this registry goes straight to stream mode.
      server.requests.length = 0;
      const again = await blobFile(MiB + 3);
      await uploadBlob({
        client,
        repository: 'r',
        path: again.path,
        size: again.bytes.length,
        chunkSize: MiB,
        tuning,
      });
      assert.deepEqual(
        server.requests
          .filter((r) => r.method === 'PATCH')
          .map((r) => r.headers['content-range'] ?? 'stream'),
        ['stream'],
      );
      assert.deepEqual(server.unexpected, []);
    } finally {
      client.close();
      await server.close();
    }
  });
});

describe('ResumableHash', () => {
  it('snapshots, restores and catches up to give the digest of the whole file', async () => {
    const file = await blobFile(3 * MiB + 123);
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

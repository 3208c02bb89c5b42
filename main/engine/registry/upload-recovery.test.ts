import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  startFakeRegistry,
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
  randomBlobFile,
  fetchBlobDirect as fetchBlob,
} from '../../../e2e/kit/index.js';
import { RegistryClient } from './client.js';
import { uploadBlob } from './upload.js';
import { MemoryUploadTuningStore } from './upload-tuning.js';

const dir = suiteTempDir('sifport-upload-recovery-test-');
const blobFile = (size: number) => randomBlobFile(dir.path, size);

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

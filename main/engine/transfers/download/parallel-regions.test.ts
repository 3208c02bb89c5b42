import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { FAST_RETRY, MiB, perTestTempDir, suiteFakeRegistry } from '../../../../e2e/kit/index.js';
import { RegistryClient } from '../../registry/client.js';
import { NodeHttpTransport, type HttpTransport } from '../../registry/transport/http.js';
import { uploadBytes } from '../../registry/upload.js';
import { pullConnections } from '../pull.js';
import { openPartialFile } from './partial-file.js';
import { discardUnfinishedRegions, downloadRegions, splitRegions } from './parallel-regions.js';

const openExisting = async (path: string) => (await openPartialFile(path, 'append')).handle;

describe('pullConnections', () => {
  it('as asked; else 4 for a registry on another machine and 1 on this one', () => {
    assert.equal(pullConnections(2, '127.0.0.1:5000'), 2);
    assert.equal(pullConnections(undefined, '127.0.0.1:5000'), 1);
    assert.equal(pullConnections(undefined, 'localhost:5000'), 1);
    assert.equal(pullConnections(undefined, 'ghcr.io'), 4);
    assert.equal(pullConnections(1, 'ghcr.io'), 1);
  });
});

describe('splitRegions', () => {
  it('cuts [from, size) into whole-MiB regions, the last taking the rest', () => {
    const regions = splitRegions(3 * MiB, 70 * MiB + 5, 4);
    assert.deepEqual(
      regions.map((r) => [r.start, r.end, r.done]),
      [
        [3 * MiB, 20 * MiB, 3 * MiB],
        [20 * MiB, 37 * MiB, 20 * MiB],
        [37 * MiB, 54 * MiB, 37 * MiB],
        [54 * MiB, 70 * MiB + 5, 54 * MiB],
      ],
    );
  });
});

describe('discardUnfinishedRegions', () => {
  const dir = perTestTempDir('sifport-regions-');

  it('cuts the partial file back to where the regions started, and drops the marker', async () => {
    const path = join(dir.path, '.a.partial');
    await writeFile(path, Buffer.alloc(10, 1), { mode: 0o600 });
    await writeFile(`${path}.regions`, JSON.stringify({ from: 4 }));
    await discardUnfinishedRegions(path);
    assert.equal((await stat(path)).size, 4);
    assert.deepEqual(await readdir(dir.path), ['.a.partial']);
  });

  it('leaves the file alone without a marker, and cuts to 0 with a broken one', async () => {
    const path = join(dir.path, '.b.partial');
    await writeFile(path, Buffer.alloc(10, 1), { mode: 0o600 });
    await discardUnfinishedRegions(path);
    assert.equal((await stat(path)).size, 10);
    await writeFile(`${path}.regions`, 'not json');
    await discardUnfinishedRegions(path);
    assert.equal((await stat(path)).size, 0);
  });
});

describe('downloadRegions on a fake registry', () => {
  const registry = suiteFakeRegistry();
  const dir = perTestTempDir('sifport-regions-dl-');
  const blob = randomBytes(8 * MiB + 77);
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
  let client: RegistryClient;

  before(async () => {
    client = new RegistryClient({ registry: registry.host, retry: FAST_RETRY });
    await uploadBytes(client, 'lab/blob', blob, digest);
  });
  after(() => client.close());

  async function download(
    path: string,
    from: number,
    signal?: AbortSignal,
    onBytes: (bytes: number) => void = () => {},
  ) {
    const prefixes: number[] = [];
    const result = await downloadRegions({
      client,
      repository: 'lab/blob',
      digest,
      size: blob.length,
      path,
      from,
      connections: 4,
      open: openExisting,
      onPrefix: (bytes) => prefixes.push(bytes),
      onBytes,
      signal,
    });
    return { ...result, prefixes };
  }

  it('writes every region in place after the bytes already there; the prefix only grows', async () => {
    const path = join(dir.path, '.c.partial');
    await writeFile(path, blob.subarray(0, MiB), { mode: 0o600 });
    const { written, resumes, prefixes } = await download(path, MiB);
    assert.equal(written, blob.length);
    assert.equal(resumes, 0);
    assert.ok((await readFile(path)).equals(blob));
    assert.equal(prefixes.at(-1), blob.length);
    assert.ok(prefixes.every((p, i) => i === 0 || p > prefixes[i - 1]!));
    assert.deepEqual(await readdir(dir.path), ['.c.partial'], 'the marker is gone');
  });

  it('a region that fails for good: the others stop, and the file holds only its unbroken prefix', async () => {
    const path = join(dir.path, '.d.partial');
    await writeFile(path, Buffer.alloc(0), { mode: 0o600 });
    // The second region's body breaks after 1 MiB, and the client does not retry.
    const inner = new NodeHttpTransport();
    const breaking: HttpTransport = {
      send: async (request) => {
        const res = await inner.send(request);
        if (!request.headers?.['range']?.startsWith(`bytes=${3 * MiB}-`)) return res;
        const cut = new PassThrough();
        // The stop the failure causes destroys the real body too: its error goes to `cut`.
        res.body.on('error', (err) => cut.destroy(err));
        let passed = 0;
        res.body.on('data', (chunk: Buffer) => {
          passed += chunk.length;
          if (passed > MiB) cut.destroy(new Error('the connection broke'));
          else cut.write(chunk);
        });
        return { ...res, body: cut };
      },
    };
    const failing = new RegistryClient({
      registry: registry.host,
      retry: { ...FAST_RETRY, attempts: 0 },
      transport: breaking,
    });
    try {
      const error = await downloadRegions({
        client: failing,
        repository: 'lab/blob',
        digest,
        size: blob.length,
        path,
        from: 0,
        connections: 3,
        open: openExisting,
        onPrefix: () => {},
        onBytes: () => {},
      }).then(
        () => undefined,
        (err: unknown) => err,
      );
      assert.match(String(error), /connection broke/);
      const left = await readFile(path);
      // The first region may be complete; nothing past the broken one's first bytes stays.
      assert.ok(left.length <= 3 * MiB + MiB, `${left.length} bytes left`);
      assert.ok(left.equals(blob.subarray(0, left.length)), "what is left is the blob's prefix");
      assert.deepEqual(await readdir(dir.path), ['.d.partial'], 'no marker left');
    } finally {
      failing.close();
      inner.close();
    }
  });
});

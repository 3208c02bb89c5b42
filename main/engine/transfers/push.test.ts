import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  FAST_RETRY,
  UNSIGNED_SIF,
  sha256,
  suiteFakeRegistry,
  suiteSif,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { RegistryClient } from '../registry/client.js';
import { EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from '../registry/media-types.js';
import { parseReference } from '../registry/reference.js';
import { buildSifManifest } from '../registry/artifact/sif-manifest.js';
import { MemoryDigestCache } from './digest-cache.js';
import type { TransferProgress } from './progress.js';
import { pushSif } from './push.js';

describe('pushSif (oras.md §1.2)', () => {
  const fake = suiteFakeRegistry();
  const sif = suiteSif('push-test', 'my image.sif', 300_000);
  let client: RegistryClient;

  before(() => {
    client = new RegistryClient({ registry: fake.host, retry: FAST_RETRY });
  });
  after(() => client.close());

  async function refusedBeforeAnyRequest(file: string, code: string, why: RegExp): Promise<void> {
    const before = fake.requests.length;
    await assert.rejects(
      pushSif({ client, file, reference: parseReference(`${fake.host}/refused/x:t`) }),
      (err: unknown) => {
        assert.ok(err instanceof SifportError);
        assert.equal(err.code, code);
        assert.match(err.message, why);
        return true;
      },
    );
    assert.equal(fake.requests.length, before, 'no request reached the registry');
  }

  it('refuses a non-SIF file with NOT_A_SIF before any request', async () => {
    const text = join(sif.dir, 'notes.txt');
    await writeFile(text, 'x'.repeat(4096));
    await refusedBeforeAnyRequest(text, 'NOT_A_SIF', /is not a SIF image.*apptainer build/);
    const tiny = join(sif.dir, 'tiny.sif');
    await writeFile(tiny, 'SIF');
    await refusedBeforeAnyRequest(tiny, 'NOT_A_SIF', /shorter than a SIF header/);
  });

  it('refuses structurally broken SIFs with NOT_A_SIF before any request, as inspect does', async () => {
    const good = await readFile(UNSIGNED_SIF);
    const slot = (n: number) => 4096 + n * 585;
    const broken: [string, (b: Buffer) => Buffer, RegExp][] = [
      ['truncated', (b) => b.subarray(0, 33_000), /past the end of the file/],
      ['past-end', (b) => (b.writeBigInt64LE(2n ** 40n, slot(1) + 17), b), /past the end/],
      ['overlapping', (b) => (b.writeBigInt64LE(32_200n, slot(1) + 17), b), /overlap/],
      ['many-descriptors', (b) => (b.writeBigInt64LE(2n ** 31n, 88), b), /descriptors/],
      ['duplicate-ids', (b) => (b.writeUInt32LE(1, slot(1) + 5), b), /appears twice/],
      ['data-offset', (b) => (b.writeBigInt64LE(10n ** 12n, 112), b), /data offset/],
    ];
    for (const [name, damage, why] of broken) {
      const path = join(sif.dir, `${name}.sif`);
      await writeFile(path, damage(Buffer.from(good)));
      await refusedBeforeAnyRequest(path, 'NOT_A_SIF', why);
    }
  });

  it('refuses missing files and directories with FILE_ERROR before any request', async () => {
    await refusedBeforeAnyRequest(join(sif.dir, 'missing.sif'), 'FILE_ERROR', /no such file/);
    await refusedBeforeAnyRequest(sif.dir, 'FILE_ERROR', /not a regular file/);
  });

  it('refuses a digest reference: a push needs a tag', async () => {
    const ref = parseReference(`${fake.host}/a/b@sha256:${'a'.repeat(64)}`);
    await assert.rejects(pushSif({ client, file: sif.path, reference: ref }), (err: unknown) => {
      assert.equal((err as SifportError).code, 'REFERENCE_INVALID');
      assert.match((err as Error).message, new RegExp(`use oras://${fake.host}/a/b:latest`));
      return true;
    });
  });

  it('uploads config and SIF and stores the oci13 manifest titled with the local base name', async () => {
    const cache = new MemoryDigestCache();
    const phases: string[] = [];
    const result = await pushSif({
      client,
      file: sif.path,
      reference: parseReference(`oras://${fake.host}/push/exact:v1`),
      digestCache: cache,
      onProgress: (p: TransferProgress) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
    });
    const digest = sha256(sif.bytes);
    const expected = buildSifManifest({ size: sif.bytes.length, digest, title: 'my image.sif' });
    assert.equal(result.layerDigest, digest);
    assert.equal(result.size, sif.bytes.length);
    assert.equal(result.blob, 'uploaded');
    assert.equal(result.manifestDigest, sha256(expected));
    assert.equal(result.reference, `oras://${fake.host}/push/exact:v1`);
    assert.deepEqual(phases, ['checking', 'hashing', 'uploading', 'finishing', 'done']);

    // Read back with plain HTTP: the exact bytes, with the OCI Content-Type.
    const res = await fetch(`${fake.url}/v2/push/exact/manifests/v1`, {
      headers: { accept: MEDIA_TYPES.ociManifest },
    });
    assert.equal(res.headers.get('content-type'), MEDIA_TYPES.ociManifest);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), expected);
    const config = await fetch(`${fake.url}/v2/push/exact/blobs/${EMPTY_CONFIG_DIGEST}`);
    assert.equal(await config.text(), '{}');
    const layer = await fetch(`${fake.url}/v2/push/exact/blobs/${digest}`);
    assert.deepEqual(Buffer.from(await layer.arrayBuffer()), sif.bytes);

    // The digest cache learnt where the blob lives.
    const st = await stat(sif.path);
    const entry = await cache.lookup({
      path: sif.path,
      size: st.size,
      mtimeMs: st.mtimeMs,
      ino: st.ino,
    });
    assert.equal(entry?.digest, digest);
    assert.deepEqual(entry?.locations, [`${fake.host}/push/exact`]);
  });

  it('oci16 style adds config data and a whole-second UTC created annotation', async () => {
    const result = await pushSif({
      client,
      file: sif.path,
      reference: parseReference(`${fake.host}/push/exact:oci16`),
      style: 'oci16',
    });
    const res = await fetch(`${fake.url}/v2/push/exact/manifests/oci16`, {
      headers: { accept: MEDIA_TYPES.ociManifest },
    });
    const manifest = JSON.parse(await res.text());
    assert.equal(manifest.config.data, 'e30=');
    assert.match(
      manifest.annotations['org.opencontainers.image.created'],
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    assert.equal(result.blob, 'present', 'the same SIF is already in this repository');
  });
});

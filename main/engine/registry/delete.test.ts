import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  startFakeRegistry,
  type FakeRegistry,
  NO_RETRY,
  loopbackClient,
} from '../../../e2e/kit/index.js';
import type { RegistryClient } from './client.js';
import { deleteImage, mapLimit, tagsPointingAt } from './delete.js';
import { listTags } from './listing.js';
import { putManifest, sha256Digest } from './manifests.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from './media-types.js';
import { buildSifManifest } from './artifact/sif-manifest.js';
import { uploadBytes } from './upload.js';

let fake: FakeRegistry;
let client: RegistryClient;

/** Pushes a SIF-shaped image with random content under `tags`; returns its digest. */
async function pushImage(repository: string, tags: string[]): Promise<string> {
  const layer = randomBytes(64);
  const layerDigest = sha256Digest(layer);
  await uploadBytes(client, repository, EMPTY_CONFIG, EMPTY_CONFIG_DIGEST);
  await uploadBytes(client, repository, layer, layerDigest);
  const manifest = buildSifManifest({ size: layer.length, digest: layerDigest, title: 'x.sif' });
  let digest = '';
  for (const tag of tags) {
    digest = await putManifest(client, repository, tag, manifest, MEDIA_TYPES.ociManifest);
  }
  return digest;
}

before(async () => {
  fake = await startFakeRegistry();
  client = loopbackClient(fake.host, { retry: NO_RETRY });
});
after(async () => {
  client.close();
  await fake.stop();
});

test('deleteImage reports every tag on the digest, then deletes by digest', async () => {
  const shared = await pushImage('team/app', ['latest', 'v1', 'stable']);
  await pushImage('team/app', ['v2']);
  assert.deepEqual(await tagsPointingAt(client, 'team/app', shared), ['latest', 'stable', 'v1']);
  const result = await deleteImage(client, 'team/app', shared);
  assert.deepEqual(result, { digest: shared, removedTags: ['latest', 'stable', 'v1'] });
  assert.deepEqual(await listTags(client, 'team/app'), ['v2']);
  const deletes = fake.requests.filter((r) => r.method === 'DELETE');
  assert.deepEqual(
    deletes.map((r) => r.path),
    [`/v2/team/app/manifests/${shared}`],
  );
});

test('deleting a missing digest is NOT_FOUND and deletes nothing', async () => {
  const absent = `sha256:${'0'.repeat(64)}`;
  await assert.rejects(deleteImage(client, 'team/app', absent), {
    code: 'NOT_FOUND',
    message: /does not exist; nothing was deleted/,
  });
});

test('a tag is not accepted where a digest is needed', async () => {
  await assert.rejects(deleteImage(client, 'team/app', 'v2'), { code: 'REFERENCE_INVALID' });
});

test('mapLimit keeps order and never exceeds its limit', async () => {
  let inFlight = 0;
  let most = 0;
  const out = await mapLimit([...Array(30).keys()], 8, async (i) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 1 + (i % 3)));
    inFlight--;
    return i * 2;
  });
  assert.deepEqual(
    out,
    [...Array(30).keys()].map((i) => i * 2),
  );
  assert.equal(most, 8);
  assert.deepEqual(await mapLimit([], 8, async () => 1), []);
});

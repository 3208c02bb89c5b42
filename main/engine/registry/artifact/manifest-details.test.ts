import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  startFakeRegistry,
  type FakeRegistry,
  NO_RETRY,
  loopbackClient,
  ociIndex,
} from '../../../../e2e/kit/index.js';
import type { RegistryClient } from '../client.js';
import { describeManifest } from './manifest-details.js';
import { putManifest, sha256Digest } from '../manifests.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from '../media-types.js';
import { buildSifManifest } from './sif-manifest.js';
import { uploadBytes } from '../upload.js';

const LAYER = Buffer.from('pretend this is a SIF');
const LAYER_DIGEST = sha256Digest(LAYER);
let fake: FakeRegistry;
let client: RegistryClient;

before(async () => {
  fake = await startFakeRegistry();
  client = loopbackClient(fake.host, { retry: NO_RETRY });
  await uploadBytes(client, 'r', EMPTY_CONFIG, EMPTY_CONFIG_DIGEST);
  await uploadBytes(client, 'r', LAYER, LAYER_DIGEST);
});
after(async () => {
  client.close();
  await fake.stop();
});

test('describes a SIF pushed apptainer-main style', async () => {
  const bytes = buildSifManifest({
    size: LAYER.length,
    digest: LAYER_DIGEST,
    title: 'alpine.sif',
    style: 'oci16',
    created: '2026-01-02T03:04:05Z',
    annotations: { owner: 'me' },
  });
  const digest = await putManifest(client, 'r', 'sif', bytes, MEDIA_TYPES.ociManifest);
  const details = await describeManifest(client, 'r', 'sif');
  assert.deepEqual(details, {
    kind: 'image',
    digest,
    mediaType: MEDIA_TYPES.ociManifest,
    size: LAYER.length + 2,
    configMediaType: MEDIA_TYPES.sifConfig,
    layers: [
      {
        mediaType: MEDIA_TYPES.sifLayer,
        size: LAYER.length,
        digest: LAYER_DIGEST,
        title: 'alpine.sif',
      },
    ],
    manifests: [],
    annotations: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z', owner: 'me' },
    created: '2026-01-02T03:04:05Z',
    isSif: true,
  });
  assert.equal((await describeManifest(client, 'r', digest)).digest, digest);
});

test('a container image is described but is not a SIF', async () => {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: EMPTY_CONFIG_DIGEST,
        size: 2,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: LAYER_DIGEST,
          size: LAYER.length,
        },
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: LAYER_DIGEST,
          size: LAYER.length,
        },
      ],
    }),
  );
  await putManifest(client, 'r', 'container', bytes, MEDIA_TYPES.ociManifest);
  const details = await describeManifest(client, 'r', 'container');
  assert.equal(details.isSif, false);
  assert.equal(details.size, 2 * LAYER.length + 2);
  assert.equal(details.layers[0]?.title, undefined);
  assert.equal(details.created, undefined);
});

test('an index is described by its entries', async () => {
  const image = buildSifManifest({ size: LAYER.length, digest: LAYER_DIGEST, title: 'a.sif' });
  const imageDigest = await putManifest(client, 'r', 'amd', image, MEDIA_TYPES.ociManifest);
  const index = ociIndex([{ digest: imageDigest, size: image.length, architecture: 'amd64' }]);
  await putManifest(client, 'r', 'multi', index, MEDIA_TYPES.ociIndex);
  const details = await describeManifest(client, 'r', 'multi');
  assert.equal(details.kind, 'index');
  assert.equal(details.isSif, false);
  assert.equal(details.size, image.length);
  assert.deepEqual(details.manifests, [
    {
      mediaType: MEDIA_TYPES.ociManifest,
      size: image.length,
      digest: imageDigest,
      platform: 'linux/amd64',
    },
  ]);
});

test('a missing tag is NOT_FOUND', async () => {
  await assert.rejects(describeManifest(client, 'r', 'nope'), { code: 'NOT_FOUND' });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  startFakeRegistry,
  type FakeRegistry,
  NO_RETRY,
  startRecordingServer,
  loopbackClient,
} from '../../../e2e/kit/index.js';
import type { RegistryClient } from './client.js';
import { putManifest, sha256Digest } from './manifests.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from './media-types.js';
import { listReferrers, referrersTagFor } from './referrers.js';
import { uploadBytes } from './upload.js';

const SIGNATURE_TYPE = 'application/vnd.example.signature.v1+json';
const SBOM_TYPE = 'application/spdx+json';
const REPO = 'team/app';

function clientFor(host: string): RegistryClient {
  return loopbackClient(host, { retry: NO_RETRY });
}

function manifestBytes(extra: object): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: MEDIA_TYPES.sifConfig, digest: EMPTY_CONFIG_DIGEST, size: 2 },
      layers: [],
      ...extra,
    }),
  );
}

/** A subject image plus a signature and an SBOM referring to it; returns their digests. */
async function seed(client: RegistryClient): Promise<{ subject: string; referrers: string[] }> {
  await uploadBytes(client, REPO, EMPTY_CONFIG, EMPTY_CONFIG_DIGEST);
  const subjectBytes = manifestBytes({});
  const subject = await putManifest(client, REPO, 'v1', subjectBytes, MEDIA_TYPES.ociManifest);
  const descriptor = {
    mediaType: MEDIA_TYPES.ociManifest,
    digest: subject,
    size: subjectBytes.length,
  };
  const referrers: string[] = [];
  for (const [artifactType, note] of [
    [SIGNATURE_TYPE, 'sig'],
    [SBOM_TYPE, 'sbom'],
  ] as const) {
    const bytes = manifestBytes({ artifactType, subject: descriptor, annotations: { note } });
    referrers.push(
      await putManifest(client, REPO, sha256Digest(bytes), bytes, MEDIA_TYPES.ociManifest),
    );
  }
  return { subject, referrers };
}

let withApi: FakeRegistry;
let withoutApi: FakeRegistry;

before(async () => {
  withApi = await startFakeRegistry();
  withoutApi = await startFakeRegistry({ referrers: false });
});
after(async () => {
  await Promise.all([withApi.stop(), withoutApi.stop()]);
});

test('referrersTagFor follows the tag schema', () => {
  const hex = 'a'.repeat(64);
  assert.equal(referrersTagFor(`sha256:${hex}`), `sha256-${hex}`);
  assert.equal(referrersTagFor(`sha512:${'b'.repeat(128)}`), `sha512-${'b'.repeat(64)}`);
  assert.equal(referrersTagFor(`x+y:${'c'.repeat(10)}`), `x-y-${'c'.repeat(10)}`);
});

test('the referrers API lists referrers and filters by artifact type', async () => {
  const client = clientFor(withApi.host);
  const { subject, referrers } = await seed(client);
  const all = await listReferrers(client, REPO, subject);
  assert.deepEqual(all.map((r) => r.digest).sort(), [...referrers].sort());
  const sig = all.find((r) => r.artifactType === SIGNATURE_TYPE);
  assert.deepEqual(sig?.annotations, { note: 'sig' });
  const sboms = await listReferrers(client, REPO, subject, { artifactType: SBOM_TYPE });
  assert.deepEqual(
    sboms.map((r) => r.artifactType),
    [SBOM_TYPE],
  );
  assert.deepEqual(await listReferrers(client, REPO, referrers[0]!), []);
  client.close();
});

test('without the API the referrers tag is read; a missing tag means none', async () => {
  const client = clientFor(withoutApi.host);
  const { subject, referrers } = await seed(client);
  assert.deepEqual(await listReferrers(client, REPO, subject), []);
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: referrers.map((digest, i) => ({
        mediaType: MEDIA_TYPES.ociManifest,
        digest,
        size: 100,
        artifactType: i === 0 ? SIGNATURE_TYPE : SBOM_TYPE,
      })),
    }),
  );
  await putManifest(client, REPO, referrersTagFor(subject), index, MEDIA_TYPES.ociIndex);
  const all = await listReferrers(client, REPO, subject);
  assert.deepEqual(
    all.map((r) => r.digest),
    referrers,
  );
  const sigs = await listReferrers(client, REPO, subject, { artifactType: SIGNATURE_TYPE });
  assert.deepEqual(
    sigs.map((r) => r.digest),
    [referrers[0]],
  );
  client.close();
});

test('filters client-side when the registry did not, across Link pages', async () => {
  const digest = `sha256:${'d'.repeat(64)}`;
  const pages: Record<string, { body: object; link?: string }> = {
    [`/v2/r/referrers/${digest}?artifactType=${encodeURIComponent(SBOM_TYPE)}`]: {
      body: {
        manifests: [
          {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: `sha256:${'1'.repeat(64)}`,
            size: 1,
            artifactType: SBOM_TYPE,
          },
          {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: `sha256:${'2'.repeat(64)}`,
            size: 1,
            artifactType: SIGNATURE_TYPE,
          },
        ],
      },
      link: `</v2/r/referrers/${digest}?page=2>; rel="next"`,
    },
    [`/v2/r/referrers/${digest}?page=2`]: {
      body: {
        manifests: [
          {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: `sha256:${'3'.repeat(64)}`,
            size: 1,
            artifactType: SBOM_TYPE,
          },
        ],
      },
    },
  };
  const server = await startRecordingServer((req, res) => {
    if (req.path === '/v2/') return void res.writeHead(200).end();
    const page = pages[req.path];
    if (!page) return false;
    res.writeHead(200, {
      'content-type': MEDIA_TYPES.ociIndex,
      ...(page.link ? { link: page.link } : {}),
    });
    res.end(JSON.stringify(page.body));
  });
  const client = clientFor(server.host);
  try {
    const found = await listReferrers(client, 'r', digest, { artifactType: SBOM_TYPE });
    assert.deepEqual(
      found.map((r) => r.digest[7]),
      ['1', '3'],
    );
    assert.deepEqual(
      server.unexpected.map((r) => r.path),
      [],
    );
  } finally {
    client.close();
    await server.close();
  }
});

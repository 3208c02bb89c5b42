import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';

import { startFakeRegistry } from './fake-registry.js';
import type { FakeRegistry } from './fake-registry.js';

const ociManifest = 'application/vnd.oci.image.manifest.v1+json';
const emptyConfig = Buffer.from('{}');

const digestOf = (data: Uint8Array): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

let registry: FakeRegistry;
const others: FakeRegistry[] = [];

before(async () => {
  registry = await startFakeRegistry();
});
after(async () => {
  await Promise.all([registry, ...others].map((r) => r.stop()));
});

async function extra(options: Parameters<typeof startFakeRegistry>[0]): Promise<FakeRegistry> {
  const started = await startFakeRegistry(options);
  others.push(started);
  return started;
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { errors?: { code: string }[] };
  return body.errors?.[0]?.code;
}

/** Monolithic upload: POST ?digest= with the body. */
async function pushBlob(base: string, name: string, data: Buffer): Promise<string> {
  const digest = digestOf(data);
  const response = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, {
    method: 'POST',
    body: data,
  });
  assert.equal(response.status, 201);
  return digest;
}

async function openSession(base: string, name: string): Promise<string> {
  const response = await fetch(`${base}/v2/${name}/blobs/uploads/`, { method: 'POST' });
  assert.equal(response.status, 202);
  assert.equal(response.headers.get('range'), '0-0');
  const location = response.headers.get('location');
  assert.ok(location);
  return location;
}

function manifestFor(config: string, layer: { digest: string; size: number }, extra: object = {}) {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: ociManifest,
      config: { mediaType: 'application/vnd.sylabs.sif.config.v1+json', digest: config, size: 2 },
      layers: [{ mediaType: 'application/vnd.sylabs.sif.layer.v1.sif', ...layer }],
      ...extra,
    }),
  );
}

async function putManifest(
  base: string,
  name: string,
  ref: string,
  bytes: Buffer,
): Promise<Response> {
  return fetch(`${base}/v2/${name}/manifests/${ref}`, {
    method: 'PUT',
    headers: { 'content-type': ociManifest },
    body: bytes,
  });
}

test('ping answers 200 with the distribution API header', async () => {
  const response = await fetch(`${registry.url}/v2/`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('docker-distribution-api-version'), 'registry/2.0');
  const unknown = await fetch(`${registry.url}/v2/a/nothing-here`);
  assert.equal(unknown.status, 404);
  assert.equal(await unknown.text(), '404 page not found\n');
});

test('chunked upload honours Content-Range: out of order → 416, session survives', async () => {
  const data = randomBytes(3000);
  const location = await openSession(registry.url, 'up/chunked');
  const first = await fetch(location, {
    method: 'PATCH',
    headers: { 'content-range': '0-999', 'content-type': 'application/octet-stream' },
    body: data.subarray(0, 1000),
  });
  assert.equal(first.status, 202);
  assert.equal(first.headers.get('range'), '0-999');
  const next = first.headers.get('location') ?? '';
  const skipped = await fetch(next, {
    method: 'PATCH',
    headers: { 'content-range': '2000-2999' },
    body: data.subarray(2000),
  });
  assert.equal(skipped.status, 416);
  assert.equal(await errorCode(skipped), 'RANGE_INVALID');
  const status = await fetch(next);
  assert.equal(status.status, 204);
  assert.equal(status.headers.get('range'), '0-999', 'the rejected chunk was not appended');
  const second = await fetch(next, {
    method: 'PATCH',
    headers: { 'content-range': '1000-2999' },
    body: data.subarray(1000),
  });
  assert.equal(second.status, 202);
  const wrong = await fetch(`${next}?digest=${digestOf(Buffer.from('other'))}`, { method: 'PUT' });
  assert.equal(wrong.status, 400);
  assert.equal(await errorCode(wrong), 'DIGEST_INVALID');
  assert.equal((await fetch(next)).status, 404, 'a failed close ends the session');
});

test('stream-mode PATCH then PUT ?digest= commits; GET with Range → 206', async () => {
  const data = randomBytes(5000);
  const location = await openSession(registry.url, 'up/stream');
  const patch = await fetch(location, { method: 'PATCH', body: data });
  assert.equal(patch.status, 202);
  const put = await fetch(`${patch.headers.get('location') ?? ''}?digest=${digestOf(data)}`, {
    method: 'PUT',
  });
  assert.equal(put.status, 201);
  assert.equal(put.headers.get('docker-content-digest'), digestOf(data));
  const blobUrl = `${registry.url}/v2/up/stream/blobs/${digestOf(data)}`;
  const head = await fetch(blobUrl, { method: 'HEAD' });
  assert.equal(head.headers.get('content-length'), '5000');
  const ranged = await fetch(blobUrl, { headers: { range: 'bytes=100-199' } });
  assert.equal(ranged.status, 206);
  assert.equal(ranged.headers.get('content-range'), 'bytes 100-199/5000');
  assert.deepEqual(Buffer.from(await ranged.arrayBuffer()), data.subarray(100, 200));
  const beyond = await fetch(blobUrl, { headers: { range: 'bytes=9000-' } });
  assert.equal(beyond.status, 416);
});

test('DELETE on a session cancels it', async () => {
  const location = await openSession(registry.url, 'up/cancel');
  assert.equal((await fetch(location, { method: 'DELETE' })).status, 204);
  const after = await fetch(location);
  assert.equal(after.status, 404);
  assert.equal(await errorCode(after), 'BLOB_UPLOAD_UNKNOWN');
});

test('mount answers 201 when the source has the blob and 202 otherwise', async () => {
  const digest = await pushBlob(registry.url, 'mount/source', randomBytes(100));
  const mounted = await fetch(
    `${registry.url}/v2/mount/target/blobs/uploads/?mount=${digest}&from=mount/source`,
    { method: 'POST' },
  );
  assert.equal(mounted.status, 201);
  assert.equal(mounted.headers.get('docker-content-digest'), digest);
  assert.equal((await fetch(`${registry.url}/v2/mount/target/blobs/${digest}`)).status, 200);
  const missing = await fetch(
    `${registry.url}/v2/mount/target/blobs/uploads/?mount=${digest}&from=mount/absent`,
    { method: 'POST' },
  );
  assert.equal(missing.status, 202);
  assert.ok(missing.headers.get('location'));
});

test('manifests are stored byte for byte and deleting by digest removes their tags', async () => {
  const config = await pushBlob(registry.url, 'm/app', emptyConfig);
  const layer = randomBytes(64);
  const layerDigest = await pushBlob(registry.url, 'm/app', layer);
  // Unusual spacing must survive: the digest is over the exact bytes.
  const bytes = Buffer.from(
    `${manifestFor(config, { digest: layerDigest, size: 64 }).toString().replace('{', '{  ')}\n`,
  );
  const put = await putManifest(registry.url, 'm/app', 'v1', bytes);
  assert.equal(put.status, 201);
  assert.equal(put.headers.get('docker-content-digest'), digestOf(bytes));
  const got = await fetch(`${registry.url}/v2/m/app/manifests/v1`);
  assert.equal(got.headers.get('content-type'), ociManifest);
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), bytes);
  const unknownBlob = await putManifest(
    registry.url,
    'm/app',
    'broken',
    manifestFor(config, { digest: digestOf(Buffer.from('x')), size: 1 }),
  );
  assert.equal(unknownBlob.status, 400);
  assert.equal(await errorCode(unknownBlob), 'MANIFEST_BLOB_UNKNOWN');
  const del = await fetch(`${registry.url}/v2/m/app/manifests/${digestOf(bytes)}`, {
    method: 'DELETE',
  });
  assert.equal(del.status, 202);
  const gone = await fetch(`${registry.url}/v2/m/app/manifests/v1`, { method: 'HEAD' });
  assert.equal(gone.status, 404);
});

test('tags/list and _catalog paginate with n, last and a Link header', async () => {
  const config = await pushBlob(registry.url, 'page/repo', emptyConfig);
  const manifest = manifestFor(config, { digest: config, size: 2 });
  for (const tag of ['c', 'a', 'e', 'b', 'd']) {
    assert.equal((await putManifest(registry.url, 'page/repo', tag, manifest)).status, 201);
  }
  const seen: string[] = [];
  let next: string | undefined = '/v2/page/repo/tags/list?n=2';
  let pages = 0;
  while (next !== undefined) {
    const response = await fetch(new URL(next, registry.url));
    const body = (await response.json()) as { tags: string[] };
    seen.push(...body.tags);
    pages += 1;
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e']);
  assert.equal(pages, 3);
  const catalog = await fetch(`${registry.url}/v2/_catalog?n=1&last=page/repn`);
  assert.deepEqual(await catalog.json(), { repositories: ['page/repo'] });
  assert.match(catalog.headers.get('link') ?? '', /last=page%2Frepo&n=1>; rel="next"/);
  const invalid = await fetch(`${registry.url}/v2/_catalog?n=many`);
  assert.equal(await errorCode(invalid), 'PAGINATION_NUMBER_INVALID');
});

test('referrers list manifests whose subject matches, filtered by artifactType', async () => {
  const name = 'ref/app';
  const config = await pushBlob(registry.url, name, emptyConfig);
  const subject = manifestFor(config, { digest: config, size: 2 });
  await putManifest(registry.url, name, 'latest', subject);
  const subjectDescriptor = {
    mediaType: ociManifest,
    digest: digestOf(subject),
    size: subject.length,
  };
  const signature = manifestFor(
    config,
    { digest: config, size: 2 },
    {
      artifactType: 'application/vnd.example.signature',
      subject: subjectDescriptor,
      annotations: { 'org.example': 'sig' },
    },
  );
  const sbom = manifestFor(
    config,
    { digest: config, size: 2 },
    {
      artifactType: 'application/vnd.example.sbom',
      subject: subjectDescriptor,
    },
  );
  const put = await putManifest(registry.url, name, digestOf(signature), signature);
  assert.equal(put.headers.get('oci-subject'), digestOf(subject));
  await putManifest(registry.url, name, digestOf(sbom), sbom);
  const all = await fetch(`${registry.url}/v2/${name}/referrers/${digestOf(subject)}`);
  assert.equal(all.headers.get('content-type'), 'application/vnd.oci.image.index.v1+json');
  assert.equal(all.headers.get('oci-filters-applied'), null);
  const index = (await all.json()) as { manifests: { digest: string }[] };
  assert.deepEqual(
    index.manifests.map((m) => m.digest).sort(),
    [digestOf(signature), digestOf(sbom)].sort(),
  );
  const filtered = await fetch(
    `${registry.url}/v2/${name}/referrers/${digestOf(subject)}?artifactType=application/vnd.example.signature`,
  );
  assert.equal(filtered.headers.get('oci-filters-applied'), 'artifactType');
  assert.deepEqual(((await filtered.json()) as { manifests: unknown[] }).manifests, [
    {
      mediaType: ociManifest,
      digest: digestOf(signature),
      size: signature.length,
      artifactType: 'application/vnd.example.signature',
      annotations: { 'org.example': 'sig' },
    },
  ]);
});

test('referrers: false answers 404 like distribution 2.8', async () => {
  const plain = await extra({ referrers: false });
  const response = await fetch(`${plain.url}/v2/a/referrers/${digestOf(Buffer.from('x'))}`);
  assert.equal(response.status, 404);
});

test('patchStatus: 201 imitates ECR', async () => {
  const ecr = await extra({ patchStatus: 201 });
  const location = await openSession(ecr.url, 'ecr/repo');
  const response = await fetch(location, { method: 'PATCH', body: randomBytes(10) });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('range'), '0-9');
});

test('maxRequestBytes answers 413 to larger bodies and accepts smaller ones', async () => {
  const ghcr = await extra({ maxRequestBytes: 64 * 1024 });
  const location = await openSession(ghcr.url, 'ghcr/repo');
  const big = await fetch(location, { method: 'PATCH', body: randomBytes(64 * 1024 + 1) });
  assert.equal(big.status, 413);
  const small = await fetch(location, { method: 'PATCH', body: randomBytes(64 * 1024) });
  assert.equal(small.status, 202);
  const streamed = await fetch(location, {
    method: 'PATCH',
    body: new Blob([randomBytes(40_000), randomBytes(40_000)]).stream(),
    duplex: 'half',
  } as RequestInit);
  assert.equal(streamed.status, 413, 'a chunked body without Content-Length is counted too');
  assert.deepEqual(
    ghcr.requests.map((r) => r.status),
    [202, 413, 202, 413],
  );
});

test('auth requires the configured Basic credentials', async () => {
  const locked = await extra({ auth: { username: 'u', password: 'p' } });
  const anonymous = await fetch(`${locked.url}/v2/`);
  assert.equal(anonymous.status, 401);
  assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic realm=/);
  const ok = await fetch(`${locked.url}/v2/`, {
    headers: { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
  });
  assert.equal(ok.status, 200);
});

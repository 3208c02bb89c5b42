import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { startFaultProxy } from './fault-proxy.js';
import { headerValue, sendRequest } from './http-request.js';
import type { RequestOptions } from './http-request.js';
import { isRunning } from './recorded-services.js';
import { startTestBed } from './registries.js';
import type { TestBed } from './testbed-types.js';

const missing = spawnSync('docker-registry', ['--version']).error !== undefined;
const skip = missing ? 'docker-registry (CNCF distribution) is not installed' : false;

const ociManifest = 'application/vnd.oci.image.manifest.v1+json';
const digestOf = (data: Uint8Array): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

let dir = '';
let bed: TestBed;
let ca: Buffer;

before(async () => {
  if (missing) return;
  dir = await mkdtemp(join(tmpdir(), 'sifport-bed-'));
  bed = await startTestBed(dir);
  ca = await readFile(bed.caFile);
});
after(async () => {
  if (!missing) await bed.stop();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

const basicAuth = (user: string, pass: string): string =>
  `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

/** A token for `scope` from the realm of the bearer or the TLS registry; no `user`: anonymous. */
async function token(registry: 'bearer' | 'tls', scope: string, user?: 'tester' | 'reader') {
  const realm = registry === 'bearer' ? bed.tokenUrl : bed.tokenTlsUrl;
  const service = bed.services[registry];
  const credentials = user === undefined ? undefined : bed.users[user];
  const response = await sendRequest(`${realm}?service=${service}&scope=${scope}`, {
    ca,
    headers:
      credentials === undefined
        ? {}
        : { authorization: basicAuth(credentials.username, credentials.password) },
  });
  assert.equal(response.status, 200);
  return `Bearer ${(JSON.parse(response.body.toString()) as { token: string }).token}`;
}

/** POST a session, then PUT the blob monolithically; returns the status that ended it. */
async function pushBlob(base: string, name: string, data: Buffer, authorization: string) {
  const options: RequestOptions = { ca, headers: { authorization } };
  const post = await sendRequest(`${base}/v2/${name}/blobs/uploads/`, {
    ...options,
    method: 'POST',
  });
  if (post.status !== 202) return { status: post.status, post };
  const location = new URL(headerValue(post.headers, 'location') ?? '', base);
  location.searchParams.set('digest', digestOf(data));
  const put = await sendRequest(location.href, {
    ...options,
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/octet-stream' },
    body: data,
  });
  return { status: put.status, post };
}

/** Pushes a tiny SIF-like image (config + one layer + manifest) and returns the manifest bytes. */
async function pushImage(base: string, name: string, tag: string, authorization: string) {
  const config = Buffer.from('{}');
  const layer = randomBytes(2048);
  for (const blob of [config, layer]) {
    assert.equal((await pushBlob(base, name, blob, authorization)).status, 201);
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: ociManifest,
      config: {
        mediaType: 'application/vnd.sylabs.sif.config.v1+json',
        digest: digestOf(config),
        size: 2,
      },
      layers: [
        {
          mediaType: 'application/vnd.sylabs.sif.layer.v1.sif',
          digest: digestOf(layer),
          size: 2048,
        },
      ],
    }),
  );
  const put = await sendRequest(`${base}/v2/${name}/manifests/${tag}`, {
    ca,
    method: 'PUT',
    headers: { authorization, 'content-type': ociManifest },
    body: manifest,
  });
  assert.equal(put.status, 201);
  return manifest;
}

async function getManifest(base: string, name: string, tag: string, authorization?: string) {
  return sendRequest(`${base}/v2/${name}/manifests/${tag}`, {
    ca,
    headers: { accept: ociManifest, ...(authorization === undefined ? {} : { authorization }) },
  });
}

test('the bearer registry challenges with our realm and accepts our tokens', { skip }, async () => {
  const ping = await sendRequest(`${bed.bearer.url}/v2/`);
  assert.equal(ping.status, 401);
  assert.equal(
    headerValue(ping.headers, 'www-authenticate'),
    `Bearer realm="${bed.tokenUrl}",service="${bed.services.bearer}"`,
  );
  const before = bed.tokenStats?.byRepository['testbed/sif'] ?? 0;
  const auth = await token('bearer', 'repository:testbed/sif:pull,push', 'tester');
  const manifest = await pushImage(bed.bearer.url, 'testbed/sif', 'v1', auth);
  const got = await getManifest(bed.bearer.url, 'testbed/sif', 'v1', auth);
  assert.equal(got.status, 200);
  assert.deepEqual(got.body, manifest, 'distribution stores the bytes exactly');
  assert.equal(bed.tokenStats?.byRepository['testbed/sif'], before + 1);
});

test('reader may pull but not push on the bearer registry', { skip }, async () => {
  const auth = await token('bearer', 'repository:testbed/sif:pull,push', 'reader');
  const { status, post } = await pushBlob(bed.bearer.url, 'testbed/sif', randomBytes(10), auth);
  assert.equal(status, 401);
  assert.match(headerValue(post.headers, 'www-authenticate') ?? '', /error="insufficient_scope"/);
  assert.equal((await getManifest(bed.bearer.url, 'testbed/sif', 'v1', auth)).status, 200);
});

test('anonymous tokens pull public/* and nothing else', { skip }, async () => {
  const tester = await token('bearer', 'repository:public/demo:pull,push', 'tester');
  await pushImage(bed.bearer.url, 'public/demo', 'latest', tester);
  const anonymous = await token('bearer', 'repository:public/demo:pull');
  assert.equal((await getManifest(bed.bearer.url, 'public/demo', 'latest', anonymous)).status, 200);
  const privateToken = await token('bearer', 'repository:testbed/sif:pull');
  assert.equal((await getManifest(bed.bearer.url, 'testbed/sif', 'v1', privateToken)).status, 401);
  assert.equal(bed.tokenStats?.byUser['(anonymous)'], 2);
});

test(
  'the TLS registry is reachable with the test CA and uses the https realm',
  { skip },
  async () => {
    assert.match(bed.tls.url, /^https:/);
    const ping = await sendRequest(`${bed.tls.url}/v2/`, { ca });
    assert.equal(ping.status, 401);
    assert.match(
      headerValue(ping.headers, 'www-authenticate') ?? '',
      new RegExp(`realm="${bed.tokenTlsUrl}"`),
    );
    const auth = await token('tls', 'repository:tls/sif:pull,push', 'tester');
    await pushImage(bed.tls.url, 'tls/sif', 'v1', auth);
    await assert.rejects(sendRequest(`${bed.tls.url}/v2/`), /certificate/);
  },
);

test('the Basic registry checks htpasswd and answers relative Locations', { skip }, async () => {
  const auth = basicAuth(bed.users.tester.username, bed.users.tester.password);
  const post = await sendRequest(`${bed.basic.url}/v2/basic/sif/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: auth },
  });
  assert.equal(post.status, 202);
  assert.match(headerValue(post.headers, 'location') ?? '', /^\/v2\/basic\/sif\/blobs\/uploads\//);
  const wrong = await sendRequest(`${bed.basic.url}/v2/`, {
    headers: { authorization: basicAuth('tester', 'nope') },
  });
  assert.equal(wrong.status, 401);
});

test(
  'through the fault proxy, a cut PATCH leaves distribution unable to resume',
  { skip },
  async () => {
    assert.equal((await sendRequest(`${bed.open.url}/v2/`)).status, 200);
    const proxy = await startFaultProxy(bed.open.url);
    try {
      const post = await sendRequest(`${proxy.url}/v2/open/cut/blobs/uploads/`, { method: 'POST' });
      const location = headerValue(post.headers, 'location') ?? '';
      assert.ok(location.startsWith(`${proxy.url}/v2/open/cut/blobs/uploads/`), location);
      proxy.cutAfter({ method: 'PATCH', bytes: 1024 * 1024 });
      await assert.rejects(
        sendRequest(location, { method: 'PATCH', body: randomBytes(4 * 1024 * 1024) }),
      );
      const status = await sendRequest(location);
      assert.equal(status.status, 404, 'spec §3.3: the session is gone after an interrupted PATCH');
      assert.match(status.body.toString(), /BLOB_UPLOAD_INVALID/);
      assert.deepEqual(
        proxy.requests.map((r) => `${r.method} ${r.outcome}`),
        ['POST forwarded', 'PATCH cut', 'GET forwarded'],
      );
    } finally {
      await proxy.stop();
    }
  },
);

test('stop() ends every process of the bed', { skip }, async () => {
  const runDir = join(dir, 'run');
  const pids = await Promise.all(
    (await readdir(runDir)).map(async (f) => Number(await readFile(join(runDir, f), 'utf8'))),
  );
  assert.equal(pids.length, 4, 'four registries (the token server runs in-process)');
  for (const pid of pids) assert.ok(await isRunning(pid));
  await bed.stop();
  for (const pid of pids) assert.equal(await isRunning(pid), false, `pid ${pid} still runs`);
  assert.deepEqual(await readdir(runDir), [], 'pid files are removed');
});

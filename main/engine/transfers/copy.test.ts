import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  startFakeRegistry,
  startFaultProxy,
  loadTestBed,
  testBedSkipReason,
  FAST_RETRY,
  MiB,
  suiteSif,
  suiteFakeRegistry,
  ociIndex,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { headBlob } from '../registry/blobs.js';
import { RegistryClient } from '../registry/client.js';
import { getManifest, putManifest, resolveManifest } from '../registry/manifests.js';
import { MEDIA_TYPES } from '../registry/media-types.js';
import { parseReference } from '../registry/reference.js';
import { NodeHttpTransport, type HttpTransport } from '../registry/transport/http.js';
import { copySif } from './copy.js';
import { pushSif } from './push.js';
import { pullSif } from './pull.js';

const sif = suiteSif('copy-test', 'copy me.sif', 3 * MiB);

/** Pushes the SIF to lab/img:1 of `client`'s registry: what the copies start from. */
async function pushSource(client: RegistryClient): Promise<void> {
  await pushSif({
    client,
    file: sif.path,
    reference: parseReference(`${client.registry}/lab/img:1`),
  });
}

describe('copySif between fake registries', () => {
  const source = suiteFakeRegistry();
  const small = suiteFakeRegistry({ maxRequestBytes: 1 * MiB });
  let from: RegistryClient;
  let to: RegistryClient;

  before(async () => {
    from = new RegistryClient({ registry: source.host, retry: FAST_RETRY });
    to = new RegistryClient({ registry: small.host, retry: FAST_RETRY });
    await pushSource(from);
  });
  after(() => {
    from.close();
    to.close();
  });

  it('shrinks its PATCHes after 413 and the same manifest digest lands', async () => {
    const result = await copySif({
      from: { client: from, reference: parseReference(`${source.host}/lab/img:1`) },
      to: { client: to, reference: parseReference(`${small.host}/copy/img:1`) },
    });
    const src = await getManifest(from, 'lab/img', '1');
    assert.equal(result.manifestDigest, src.digest);
    assert.equal(await resolveManifest(to, 'copy/img', '1'), src.digest);
    assert.deepEqual((await getManifest(to, 'copy/img', '1')).bytes, src.bytes);
    assert.ok(
      small.requests.filter((r) => r.method === 'PATCH' && r.status === 202).length >= 3,
      'the layer went in chunks of at most 1 MiB',
    );
  });

  it('deletes its upload session when cancelled mid-blob, and says CANCELLED', async () => {
    const controller = new AbortController();
    const inner = new NodeHttpTransport();
    const transport: HttpTransport = {
      send(request) {
        const layerPatch =
          request.method === 'PATCH' && request.headers?.['content-length'] !== '2';
        if (layerPatch) setImmediate(() => controller.abort());
        return inner.send(request);
      },
    };
    const cancelling = new RegistryClient({ registry: small.host, retry: FAST_RETRY, transport });
    try {
      await assert.rejects(
        copySif({
          from: { client: from, reference: parseReference(`${source.host}/lab/img:1`) },
          to: { client: cancelling, reference: parseReference(`${small.host}/cancelled/img:1`) },
          chunkSize: 512 * 1024,
          signal: controller.signal,
        }),
        (err: unknown) => err instanceof SifportError && err.code === 'CANCELLED',
      );
    } finally {
      inner.close();
    }
    const deleted = small.requests.filter(
      (r) => r.method === 'DELETE' && r.path.includes('/v2/cancelled/img/blobs/uploads/'),
    );
    assert.equal(deleted.length, 1, 'the session was deleted');
    assert.equal(await resolveManifest(to, 'cancelled/img', '1'), undefined);
  });

  it('copies an image index with its image manifest, both digests unchanged', async () => {
    const child = await getManifest(from, 'lab/img', '1');
    const index = ociIndex([
      { digest: child.digest, size: child.bytes.length, architecture: 'amd64' },
    ]);
    const indexDigest = await putManifest(from, 'lab/img', 'multi', index, MEDIA_TYPES.ociIndex);
    const result = await copySif({
      from: { client: from, reference: parseReference(`${source.host}/lab/img:multi`) },
      to: { client: to, reference: parseReference(`${small.host}/multi/img:multi`) },
    });
    assert.equal(result.manifestDigest, indexDigest);
    assert.equal(await resolveManifest(to, 'multi/img', 'multi'), indexDigest);
    assert.deepEqual((await getManifest(to, 'multi/img', child.digest)).bytes, child.bytes);
    const out = join(sif.dir, 'from-index.sif');
    await pullSif({
      client: to,
      reference: parseReference(`${small.host}/multi/img:multi`),
      destination: out,
      arch: 'amd64',
    });
    assert.deepEqual(await readFile(out), sif.bytes);
  });

  it('names a source blob that is missing, not a broken upload', async () => {
    await assert.rejects(
      copySif({
        from: { client: from, reference: parseReference(`${source.host}/nothing/here:1`) },
        to: { client: to, reference: parseReference(`${small.host}/copy/none:1`) },
      }),
      (err: unknown) => err instanceof SifportError && err.code === 'NOT_FOUND',
    );
  });
});

/** Copies lab/img:1 of `source` through a fault proxy that cuts the first layer PATCH. */
async function copyThroughCut(
  from: RegistryClient,
  sourceHost: string,
  upstreamUrl: string,
  repo: string,
): Promise<{ log: string[]; digest: string; target: RegistryClient }> {
  const proxy = await startFaultProxy(upstreamUrl);
  const target = new RegistryClient({ registry: proxy.host, retry: FAST_RETRY });
  try {
    proxy.cutAfter({ method: 'PATCH', pathPattern: /blobs\/uploads\//, bytes: MiB + 300_000 });
    const result = await copySif({
      from: { client: from, reference: parseReference(`${sourceHost}/lab/img:1`) },
      to: { client: target, reference: parseReference(`${proxy.host}/${repo}:1`) },
      chunkSize: MiB,
    });
    return {
      log: proxy.requests.map((r) => `${r.method} ${r.outcome}`),
      digest: result.manifestDigest,
      target,
    };
  } finally {
    target.close();
    await proxy.stop();
  }
}

describe('copySif after a broken PATCH', () => {
  const source = suiteFakeRegistry();
  let from: RegistryClient;

  before(async () => {
    from = new RegistryClient({ registry: source.host, retry: FAST_RETRY });
    await pushSource(from);
  });
  after(() => from.close());

  it('resumes at the offset the target acknowledged (a registry that keeps the session)', async () => {
    const dest = await startFakeRegistry();
    try {
      const { log, digest } = await copyThroughCut(from, source.host, dest.url, 'cut/keep');
      assert.ok(log.includes('PATCH cut'), log.join(', '));
      assert.equal(digest, (await getManifest(from, 'lab/img', '1')).digest);
      const check = new RegistryClient({ registry: dest.host, retry: FAST_RETRY });
      assert.equal(await resolveManifest(check, 'cut/keep', '1'), digest);
      check.close();
    } finally {
      await dest.stop();
    }
  });

  it('starts over when the target calls its upload session invalid (distribution after a cut)', async () => {
    const dest = await startFakeRegistry();
    const proxy = await startFaultProxy(dest.url);
    const target = new RegistryClient({ registry: proxy.host, retry: FAST_RETRY });
    try {
      proxy.failNext({ method: 'PATCH', pathPattern: /blobs\/uploads\//, status: 404, times: 1 });
      const result = await copySif({
        from: { client: from, reference: parseReference(`${source.host}/lab/img:1`) },
        to: { client: target, reference: parseReference(`${proxy.host}/cut/invalid:1`) },
      });
      const log = proxy.requests.map((r) => `${r.method} ${r.outcome}`);
      assert.ok(log.includes('PATCH failed'), log.join(', '));
      assert.equal(result.manifestDigest, (await getManifest(from, 'lab/img', '1')).digest);
    } finally {
      target.close();
      await proxy.stop();
      await dest.stop();
    }
  });
});

const bed = loadTestBed();

describe('copySif on the registry test bed', { skip: bed ? false : testBedSkipReason }, () => {
  let open: RegistryClient;
  let basic: RegistryClient;
  const repo = `sifport-e2e/copy-${randomBytes(4).toString('hex')}`;
  let sourceRef: string;

  before(async () => {
    open = new RegistryClient({ registry: bed!.open.host, retry: FAST_RETRY });
    basic = new RegistryClient({
      registry: bed!.basic.host,
      retry: FAST_RETRY,
      credentials: { kind: 'basic', ...bed!.users.tester },
    });
    sourceRef = `${bed!.open.host}/${repo}/src:1`;
    await pushSif({ client: open, file: sif.path, reference: parseReference(sourceRef) });
  });
  after(() => {
    open.close();
    basic.close();
  });

  it('open → basic: streams every blob, the manifest digest is identical, and it pulls', async () => {
    const src = await getManifest(open, `${repo}/src`, '1');
    const phases = new Set<string>();
    const result = await copySif({
      from: { client: open, reference: parseReference(sourceRef) },
      to: { client: basic, reference: parseReference(`${bed!.basic.host}/${repo}/dst:copied`) },
      onProgress: (p) => phases.add(p.phase),
    });
    assert.equal(result.manifestDigest, src.digest);
    assert.equal(await resolveManifest(basic, `${repo}/dst`, 'copied'), src.digest);
    assert.deepEqual(
      result.blobs.map((b) => b.how),
      ['copied', 'copied'],
    );
    assert.equal(result.bytesCopied, sif.bytes.length + 2);
    assert.ok(phases.has('uploading') && phases.has('done'));
    const out = join(sif.dir, 'pulled.sif');
    await pullSif({
      client: basic,
      reference: parseReference(`${bed!.basic.host}/${repo}/dst:copied`),
      destination: out,
    });
    assert.deepEqual(await readFile(out), sif.bytes);

    const again = await copySif({
      from: { client: open, reference: parseReference(sourceRef) },
      to: { client: basic, reference: parseReference(`${bed!.basic.host}/${repo}/dst:again`) },
    });
    assert.deepEqual(
      again.blobs.map((b) => b.how),
      ['present', 'present'],
      'blobs the target has are not sent again',
    );
    assert.equal(again.bytesCopied, 0);
  });

  it('within one registry: mounts the blobs instead of streaming them', async () => {
    const src = await getManifest(open, `${repo}/src`, '1');
    const target = `${bed!.open.host}/${repo}/mounted:1`;
    const result = await copySif({
      from: { client: open, reference: parseReference(sourceRef) },
      to: { client: open, reference: parseReference(target) },
    });
    assert.equal(result.manifestDigest, src.digest);
    assert.equal(await resolveManifest(open, `${repo}/mounted`, '1'), src.digest);
    assert.deepEqual(
      result.blobs.map((b) => b.how),
      ['mounted', 'mounted'],
    );
    assert.equal(result.bytesCopied, 0);
    const layer = result.blobs[1]!;
    assert.equal(await headBlob(open, `${repo}/mounted`, layer.digest), sif.bytes.length);
  });

  it('restarts the blob in a fresh session when distribution drops a broken one', async () => {
    const source = new RegistryClient({ registry: bed!.open.host, retry: FAST_RETRY });
    await pushSource(source);
    const { log, digest } = await copyThroughCut(
      source,
      bed!.open.host,
      bed!.open.url,
      `${repo}/cut`,
    );
    assert.ok(log.includes('PATCH cut'), log.join(', '));
    assert.ok(log.filter((l) => l.startsWith('POST')).length >= 3, log.join(', '));
    assert.equal(digest, (await getManifest(source, 'lab/img', '1')).digest);
    assert.equal(await resolveManifest(open, `${repo}/cut`, '1'), digest);
    source.close();
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  empty,
  loadTestBed,
  testBedSkipReason,
  hasCommand,
  FAST_RETRY,
  SIGNED_SIF,
  TEST_FINGERPRINT,
  fixturePath,
  suiteTempDir,
  suiteRecordingRegistry,
  sha256,
  MiB,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { RegistryClient } from '../registry/client.js';
import { MEDIA_TYPES } from '../registry/media-types.js';
import { openRemoteBlobSource, type RemoteSourceOptions } from '../registry/range-source.js';
import { parseReference } from '../registry/reference.js';
import { buildSifManifest } from '../registry/artifact/sif-manifest.js';
import {
  DataType,
  MemoryByteSource,
  appendObject,
  inspectSif,
  loadSif,
  type InspectReport,
} from '../sif/index.js';
import { pushSif } from './push.js';
import { resolveSifLayer } from './resolve-layer.js';

/** signed.sif with a random generic object of `size` bytes appended (the signature stays). */
async function bigSif(size: number): Promise<Uint8Array> {
  const target = new MemoryByteSource(new Uint8Array(await readFile(SIGNED_SIF)));
  const image = await loadSif(target);
  await appendObject(
    target,
    image,
    { dataType: DataType.generic, data: randomBytes(size), groupId: 0, link: 0, name: 'padding' },
    1_700_000_200,
  );
  return target.bytes();
}

/** Resolves `reference` and inspects its SIF through Range reads. */
async function inspectRemote(
  client: RegistryClient,
  reference: string,
  options: RemoteSourceOptions = {},
): Promise<{ report: InspectReport; size: number; requests: number; bytesFetched: number }> {
  const ref = parseReference(reference);
  const { layer } = await resolveSifLayer(client, ref);
  const source = openRemoteBlobSource(client, ref.repository, layer.digest, layer.size, options);
  const report = await inspectSif(source);
  return { report, size: layer.size, ...source.stats };
}

let deffile: string;
let fingerprint: string;
const dir = suiteTempDir('sifport-remote-inspect-');
before(async () => {
  deffile = await readFile(fixturePath('test.def'), 'utf8');
  fingerprint = TEST_FINGERPRINT;
});

describe('remote inspect against a registry that ignores Range', () => {
  let small: Uint8Array;
  /** Bytes the server managed to write of the 200 MiB answer before the client hung up. */
  let hugeSent = 0;
  let closed!: () => void;
  const hugeClosed = new Promise<void>((resolve) => (closed = resolve));
  const HUGE = 200 * MiB;
  const HUGE_DIGEST = `sha256:${'ab'.repeat(32)}`;

  before(async () => {
    small = new Uint8Array(await readFile(SIGNED_SIF));
  });
  const registry = suiteRecordingRegistry(
    (req, res) => {
      if (req.path === '/v2/') return empty(res, 200);
      const m = /^\/v2\/norange\/(small|huge)\/(manifests|blobs)\/[^/]+$/.exec(req.path);
      if (!m || req.method !== 'GET') return false;
      const huge = m[1] === 'huge';
      if (m[2] === 'manifests') {
        const bytes = huge
          ? buildSifManifest({ size: HUGE, digest: HUGE_DIGEST, title: 'huge.sif' })
          : buildSifManifest({ size: small.length, digest: sha256(small), title: 'small.sif' });
        res.writeHead(200, {
          'content-type': MEDIA_TYPES.ociManifest,
          'content-length': bytes.length,
        });
        res.end(bytes);
        return true;
      }
      // The blob: always 200 and the whole thing, whatever Range says.
      res.writeHead(200, { 'content-length': huge ? HUGE : small.length });
      if (!huge) {
        res.end(small);
        return true;
      }
      res.once('close', closed);
      const chunk = Buffer.alloc(MiB);
      const pump = (): void => {
        while (!res.destroyed && hugeSent < HUGE) {
          hugeSent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (hugeSent >= HUGE) res.end();
      };
      pump();
      return true;
    },
    { plainHttp: false },
  );

  it('a small SIF is read whole once and inspected (clean fallback)', async () => {
    const result = await inspectRemote(registry.client, `${registry.server.host}/norange/small:v1`);
    assert.equal(result.report.deffile, deffile);
    assert.equal(result.report.signatures[0]?.fingerprint, fingerprint);
    assert.equal(result.requests, 1);
    assert.equal(result.bytesFetched, small.length);
    const blobRequests = registry.server.requests.filter((r) => r.path.includes('/blobs/'));
    assert.equal(blobRequests.length, 1);
    assert.match(blobRequests[0]!.headers.range ?? '', /^bytes=0-\d+$/);
  });

  it('a large SIF fails UNSUPPORTED at once, the response aborted unread', async () => {
    await assert.rejects(
      inspectRemote(registry.client, `${registry.server.host}/norange/huge:v1`),
      (err: unknown) => {
        assert.ok(err instanceof SifportError);
        assert.equal(err.code, 'UNSUPPORTED');
        assert.match(err.message, /ignores Range requests; pull the image to inspect it/);
        return true;
      },
    );
    await hugeClosed;
    assert.ok(hugeSent < 32 * MiB, `the server got to write ${hugeSent} bytes`);
  });
});

const bed = loadTestBed();

describe(
  'remote inspect on the registry test bed',
  { skip: bed ? false : testBedSkipReason },
  () => {
    let client: RegistryClient;
    const repo = `sifport-e2e/remote-inspect-${randomBytes(4).toString('hex')}`;

    before(() => {
      client = new RegistryClient({ registry: bed!.open.host, retry: FAST_RETRY });
    });
    after(() => client.close());

    async function push(file: string, tag: string): Promise<string> {
      const reference = parseReference(`${bed!.open.host}/${repo}:${tag}`);
      await pushSif({ client, file, reference });
      return `${bed!.open.host}/${repo}:${tag}`;
    }

    it('signed.sif: the definition file and the signer show', async () => {
      const reference = await push(SIGNED_SIF, 'signed');
      const result = await inspectRemote(client, reference);
      assert.equal(result.report.deffile, deffile);
      assert.equal(result.report.signatures.length, 1);
      assert.equal(result.report.signatures[0]!.fingerprint, fingerprint);
      assert.ok(result.requests >= 1 && result.requests <= 3, `${result.requests} requests`);
    });

    it('a 24 MiB SIF is inspected from a few small ranges, never downloaded', async (t) => {
      const bytes = await bigSif(24 * MiB);
      const file = join(dir.path, 'big.sif');
      await writeFile(file, bytes);
      const reference = await push(file, 'big');
      const result = await inspectRemote(client, reference);
      assert.equal(result.size, bytes.length);
      assert.equal(result.report.deffile, deffile);
      assert.equal(result.report.signatures[0]!.fingerprint, fingerprint);
      assert.ok(result.report.objects.some((o) => o.name === 'padding'));
      assert.ok(result.bytesFetched < 1 * MiB, `fetched ${result.bytesFetched} bytes`);
      t.diagnostic(`${result.requests} requests, ${result.bytesFetched} of ${bytes.length} bytes`);
      assert.ok(result.bytesFetched < bytes.length / 10);
      // A cap below what inspect needs stops it cleanly.
      await assert.rejects(inspectRemote(client, reference, { maxFetchBytes: 1024 }), {
        code: 'TOO_LARGE',
      });
    });

    it(
      'an older image: labels and scripts come from a 24 MiB squashfs, a few ranges read',
      {
        skip:
          !(hasCommand('mksquashfs', ['-version']) && hasCommand('siftool', ['version'])) &&
          'mksquashfs or siftool not installed',
      },
      async (t) => {
        const root = join(dir.path, 'rootfs');
        const meta = join(root, '.singularity.d');
        await mkdir(join(meta, 'env'), { recursive: true });
        await writeFile(join(meta, 'labels.json'), '{"Author":"remote inspect test"}');
        await writeFile(join(meta, 'runscript'), '#!/bin/sh\nexec echo remote "$@"\n');
        await chmod(join(meta, 'runscript'), 0o755);
        await writeFile(join(meta, 'env/90-environment.sh'), 'export REMOTE=yes\n');
        await writeFile(join(root, 'big.bin'), randomBytes(24 * MiB));
        const squashfs = join(dir.path, 'rootfs.squashfs');
        const quiet = { stdio: 'ignore' } as const;
        execFileSync(
          'mksquashfs',
          [root, squashfs, '-noappend', '-all-root', '-no-xattrs', '-quiet', '-no-progress'],
          quiet,
        );
        const file = join(dir.path, 'squashfs.sif');
        const def = join(dir.path, 'image.def');
        await writeFile(def, deffile);
        execFileSync('siftool', ['new', file], quiet);
        execFileSync('siftool', ['add', file, def, '--datatype', '1', '--groupid', '1'], quiet);
        execFileSync(
          'siftool',
          [
            'add',
            file,
            squashfs,
            '--datatype',
            '4',
            '--parttype',
            '2',
            '--partfs',
            '1',
            '--partarch',
            '2',
            '--groupid',
            '1',
          ],
          quiet,
        );
        const bytes = new Uint8Array(await readFile(file));
        const local = await inspectSif(new MemoryByteSource(bytes));
        assert.equal(local.metadataSource, 'squashfs');
        const result = await inspectRemote(client, await push(file, 'squashfs'));
        assert.deepEqual(result.report, local);
        assert.equal(result.report.metadata.labels?.['Author'], 'remote inspect test');
        assert.ok(result.bytesFetched < bytes.length / 10, `fetched ${result.bytesFetched} bytes`);
        t.diagnostic(
          `${result.requests} requests, ${result.bytesFetched} of ${bytes.length} bytes`,
        );
      },
    );
  },
);

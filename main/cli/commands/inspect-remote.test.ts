import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import {
  empty,
  startRecordingServer,
  type RecordingServer,
  loadTestBed,
  testBedSkipReason,
} from '../../../e2e/kit/index.js';
import { fingerprint, fixture, sifport } from '../../../e2e/kit/cli-harness.js';
import { MEDIA_TYPES } from '../../engine/registry/media-types.js';
import { buildSifManifest } from '../../engine/registry/artifact/sif-manifest.js';

const SIGNED = fixture('signed.sif');
const bed = loadTestBed();

describe('inspect oras:// on the test bed', { skip: bed ? false : testBedSkipReason }, () => {
  const reference = (): string =>
    `oras://${bed!.open.host}/cli/inspect-${randomBytes(4).toString('hex')}:v1`;
  let remote: string;
  let manifestDigest: string;

  before(async () => {
    remote = reference();
    const push = await sifport(['push', SIGNED, remote]);
    assert.equal(push.code, 0, push.stderr);
    manifestDigest = push.stdout.trim().split('\n').at(-1)!;
  });

  test('sections and --json print exactly what a local inspect prints', async () => {
    for (const flags of [['--deffile'], ['--objects'], ['--labels'], ['--objects', '--json']]) {
      const local = await sifport(['inspect', SIGNED, ...flags]);
      const run = await sifport(['inspect', remote, ...flags]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, local.stdout, flags.join(' '));
    }
    const deffile = await sifport(['inspect', remote, '--deffile']);
    assert.equal(deffile.stdout, await readFile(fixture('test.def'), 'utf8'));
    const json = await sifport(['inspect', remote, '--json']);
    assert.deepEqual(
      JSON.parse(json.stdout),
      JSON.parse((await sifport(['inspect', SIGNED, '--json'])).stdout),
    );
  });

  test('the summary names the signer, the manifest digest and the bytes fetched', async () => {
    const run = await sifport(['inspect', remote]);
    assert.equal(run.code, 0, run.stderr);
    const local = (await sifport(['inspect', SIGNED])).stdout.split('\n').slice(1);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `File:         ${remote}`);
    assert.deepEqual(lines.slice(1, local.length), local.slice(0, -1));
    assert.match(run.stdout, new RegExp(`Signature: .*${fingerprint}`));
    assert.match(run.stdout, new RegExp(`^Manifest: +${manifestDigest}$`, 'm'));
    assert.match(run.stdout, /^Fetched: +\d+ of \d+ bytes in \d+ requests?$/m);
  });

  test('a missing tag fails in one line', async () => {
    const run = await sifport(['inspect', reference()]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr.split('\n').filter(Boolean).length, 1);
    assert.match(run.stderr, /^sifport: /);
  });
});

describe('inspect oras:// on a registry that ignores Range', () => {
  let registry: RecordingServer;
  const HUGE = 512 * 1024 * 1024;

  before(async () => {
    registry = await startRecordingServer((req, res) => {
      if (req.path === '/v2/') return empty(res, 200);
      if (req.path.startsWith('/v2/big/image/manifests/')) {
        const bytes = buildSifManifest({
          size: HUGE,
          digest: `sha256:${'cd'.repeat(32)}`,
          title: 'big.sif',
        });
        res.writeHead(200, {
          'content-type': MEDIA_TYPES.ociManifest,
          'content-length': bytes.length,
        });
        res.end(bytes);
        return true;
      }
      if (!req.path.startsWith('/v2/big/image/blobs/')) return false;
      res.writeHead(200, { 'content-length': HUGE });
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (!res.destroyed && sent < HUGE) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (sent >= HUGE) res.end();
      };
      pump();
      return true;
    });
  });
  after(async () => {
    await registry.close();
  });

  test('fails at once with one line that says to pull the image', async () => {
    const started = Date.now();
    const run = await sifport(['inspect', `oras://${registry.host}/big/image:v1`, '--deffile']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const lines = run.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /^sifport: .*ignores Range requests; pull the image to inspect it/);
    assert.ok(Date.now() - started < 10_000);
  });
});

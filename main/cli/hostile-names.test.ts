import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { UNSIGNED_SIF, empty, json, startRecordingServer, sha256 } from '../../e2e/kit/index.js';
import type { RecordingServer } from '../../e2e/kit/index.js';
import { assertFailure, fixture, root, sifport } from '../../e2e/kit/cli-harness.js';
import { MEDIA_TYPES } from '../engine/registry/media-types.js';
import { buildSifManifest } from '../engine/registry/artifact/sif-manifest.js';

/** Tags and names a hostile registry may answer with. */
const TAGS = ['v1', 'evil\nfake-tag', '\x1b[2J\x1b]0;owned\x07'];
const REPOS = ['ok/repo', 'bad\rrepo\x1b[8m'];
const TITLES: Readonly<Record<string, string>> = {
  newline: 'a\nb.sif',
  escape: '\x1b[31mred.sif',
  long: `${'t'.repeat(4996)}.sif`,
};

describe('hostile names from a registry (issue #10 items 13, 14)', () => {
  let registry: RecordingServer;
  let sif: Buffer;
  let digest: string;

  before(async () => {
    sif = await readFile(UNSIGNED_SIF);
    digest = sha256(sif);
    registry = await startRecordingServer((req, res) => {
      if (req.path === '/v2/') return empty(res, 200);
      if (req.path.startsWith('/v2/_catalog?')) return json(res, 200, { repositories: REPOS });
      if (req.path.startsWith('/v2/hostile/tags/list?'))
        return json(res, 200, { name: 'hostile', tags: TAGS });
      const m = /^\/v2\/titles\/(\w+)\/(manifests|blobs)\//.exec(req.path);
      const title = TITLES[m?.[1] ?? ''];
      if (!m || title === undefined) return false;
      if (m[2] === 'manifests') {
        const bytes = buildSifManifest({ size: sif.length, digest, title });
        res.writeHead(200, { 'content-type': MEDIA_TYPES.ociManifest });
        res.end(bytes);
        return true;
      }
      res.writeHead(200, { 'content-length': sif.length });
      res.end(sif);
      return true;
    });
  });
  after(() => registry.close());

  test('three tags print as three lines, control characters escaped', async () => {
    const run = await sifport(['tags', `oras://${registry.host}/hostile`]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.split('\n'), [
      'v1',
      'evil\\nfake-tag',
      '\\x1b[2J\\x1b]0;owned\\x07',
      '',
    ]);
    const asJson = await sifport(['tags', `oras://${registry.host}/hostile`, '--json']);
    assert.deepEqual((JSON.parse(asJson.stdout) as { tags: string[] }).tags, TAGS);
  });

  test('repository names are escaped too', async () => {
    const run = await sifport(['repos', registry.host]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.lines, ['ok/repo', 'bad\\rrepo\\x1b[8m']);
  });

  test('a title with control characters is not used as a file name', async () => {
    for (const name of ['newline', 'escape']) {
      const into = join(root, `into-${name}`);
      await mkdir(into);
      const run = await sifport(['pull', `oras://${registry.host}/titles/${name}:v1`, into]);
      assertFailure(run, 1, /control characters.*give the file to write as the destination/);
      assert.ok(!run.stderr.includes('\x1b'), 'no raw escape on stderr');
      assert.deepEqual(await readdir(into), []);
    }
  });

  test('a 5,000-character title says it is too long, not INTERNAL', async () => {
    const into = join(root, 'into-long');
    await mkdir(into);
    const run = await sifport(['pull', `oras://${registry.host}/titles/long:v1`, into, '--json']);
    assert.equal(run.code, 1);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'FILE_ERROR');
    assert.match(error.message, /5000 characters.*too long for a file name/);
  });

  test('pull and its result line print the escaped path', async () => {
    const out = join(root, 'plain.sif');
    const run = await sifport(['pull', `oras://${registry.host}/titles/newline:v1`, out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.lines.at(-2), `Pulled oras://${registry.host}/titles/newline:v1 to ${out}.`);
  });
});

describe('negative ids (issue #10 item 13)', () => {
  test('--group -1 and --object -1 say the id must be positive', async () => {
    const key = fixture('test-private.asc');
    const file = fixture('unsigned.sif');
    for (const [flag, what] of [
      ['--group', 'group'],
      ['--object', 'object'],
    ] as const) {
      assertFailure(
        await sifport(['sign', file, '--key', key, flag, '-1']),
        2,
        new RegExp(`${flag} must be a positive ${what} id`),
      );
      assertFailure(
        await sifport(['verify', file, flag, '-3']),
        2,
        new RegExp(`${flag} must be a positive ${what} id`),
      );
    }
  });
});

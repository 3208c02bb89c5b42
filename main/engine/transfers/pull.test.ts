import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  empty,
  json,
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
  FAST_RETRY,
  UNSIGNED_SIF,
  perTestTempDir,
  sha256,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { RegistryClient } from '../registry/client.js';
import { MEDIA_TYPES } from '../registry/media-types.js';
import { parseReference } from '../registry/reference.js';
import { buildSifManifest } from '../registry/artifact/sif-manifest.js';
import { pullSif } from './pull.js';
import type { TransferProgress } from './progress.js';

let SIF: Buffer;
let DIGEST: string;
let NOT_SIF: Buffer;
let NOT_SIF_DIGEST: string;

/** How the blob endpoint of one repository misbehaves. */
type BlobMode =
  'good' | 'corrupt' | 'long' | 'truncate-once' | 'truncate-always' | 'redirect' | 'no-range';

describe('pullSif against a hand-made registry (oras.md §1.3)', () => {
  let registry: RecordingServer;
  let storage: RecordingServer;
  let client: RegistryClient;
  const dir = perTestTempDir('sifport-pull-test-');
  let truncated = 0;

  /** Sends the first 20 000 bytes, waits until the client has surely stored them, then cuts. */
  function cut(res: ServerResponse, part: Buffer): true {
    res.write(part.subarray(0, 20_000), () => setTimeout(() => res.destroy(), 100));
    return true;
  }

  function serveBlob(
    req: RecordedRequest,
    res: ServerResponse,
    mode: BlobMode,
    body: Buffer,
  ): true {
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range && mode !== 'no-range') {
      const start = Number(range[1]);
      res.writeHead(206, {
        'content-length': body.length - start,
        'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
      });
      if (mode === 'truncate-always') return cut(res, body.subarray(start));
      res.end(body.subarray(start));
      return true;
    }
    if (mode === 'corrupt') {
      const bad = Buffer.from(body);
      bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
      body = bad;
    }
    if (mode === 'long') body = Buffer.concat([body, Buffer.from('extra')]);
    res.writeHead(200, { 'content-length': body.length });
    if (mode === 'truncate-always' || (mode === 'truncate-once' && truncated++ === 0)) {
      return cut(res, body);
    }
    res.end(body);
    return true;
  }

  before(async () => {
    const fixture = await readFile(UNSIGNED_SIF);
    SIF = Buffer.concat([fixture, randomBytes(200_000)]);
    DIGEST = sha256(SIF);
    NOT_SIF = randomBytes(50_000);
    NOT_SIF_DIGEST = sha256(NOT_SIF);
    storage = await startRecordingServer((req, res) =>
      req.path === '/cdn/blob' ? serveBlob(req, res, 'good', SIF) : false,
    );
    registry = await startRecordingServer((req, res) => {
      const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/?]+)$/.exec(req.path);
      if (!m || req.method !== 'GET') return false;
      const [, repo = '', kind, ref = ''] = m;
      const notSif = repo === 'notsif';
      const layerDigest = notSif ? NOT_SIF_DIGEST : DIGEST;
      if (kind === 'manifests') {
        const title = repo === 'evil' ? '../evil.sif' : 'image.sif';
        const size = notSif ? NOT_SIF.length : SIF.length;
        const bytes = buildSifManifest({ size, digest: layerDigest, title });
        res.writeHead(200, {
          'content-type': MEDIA_TYPES.ociManifest,
          'content-length': bytes.length,
        });
        res.end(bytes);
        return true;
      }
      if (ref !== layerDigest || repo === 'gone') {
        return json(res, 404, { errors: [{ code: 'BLOB_UNKNOWN' }] });
      }
      if (repo === 'redirect') return empty(res, 307, { location: `${storage.url}/cdn/blob` });
      const mode: BlobMode =
        (['corrupt', 'long', 'truncate-once', 'truncate-always', 'no-range'] as const).find(
          (x) => repo === x,
        ) ?? 'good';
      return serveBlob(req, res, mode, notSif ? NOT_SIF : SIF);
    });
    client = new RegistryClient({ registry: registry.host, retry: FAST_RETRY });
  });
  after(async () => {
    client.close();
    await registry.close();
    await storage.close();
  });
  beforeEach(() => {
    registry.requests.length = 0;
    truncated = 0;
  });

  function pull(repo: string, destination = join(dir.path, 'out.sif'), extra = {}) {
    return pullSif({
      client,
      reference: parseReference(`${registry.host}/${repo}:v1`),
      destination,
      ...extra,
    });
  }

  async function assertNothingLeft(): Promise<void> {
    assert.deepEqual(await readdir(dir.path), [], 'no destination and no partial file');
  }

  it('writes the verified SIF, executable, and reports the phases in order', async () => {
    const phases: TransferProgress['phase'][] = [];
    const result = await pull('good', join(dir.path, 'out.sif'), {
      onProgress: (p: TransferProgress) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
    });
    assert.deepEqual(await readFile(join(dir.path, 'out.sif')), SIF);
    assert.equal(result.layerDigest, DIGEST);
    assert.equal(result.size, SIF.length);
    assert.equal((await stat(join(dir.path, 'out.sif'))).mode & 0o777, 0o755);
    assert.deepEqual(phases, ['downloading', 'verifying', 'done']);
    assert.deepEqual(await readdir(dir.path), ['out.sif']);
  });

  it('names the file after the title annotation when the destination is a directory', async () => {
    const result = await pull('good', dir.path);
    assert.equal(result.path, join(dir.path, 'image.sif'));
    // An unsafe title is not used as a path.
    const evil = await pull('evil', dir.path);
    assert.equal(evil.path, join(dir.path, 'evil_v1.sif'));
  });

  it('refuses to overwrite without force, replaces with force', async () => {
    await writeFile(join(dir.path, 'out.sif'), 'old');
    await assert.rejects(pull('good'), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'FILE_ERROR');
      assert.match(err.message, /already exists.*--force/);
      return true;
    });
    assert.equal(await readFile(join(dir.path, 'out.sif'), 'utf8'), 'old');
    await pull('good', join(dir.path, 'out.sif'), { force: true });
    assert.deepEqual(await readFile(join(dir.path, 'out.sif')), SIF);
  });

  it('corrupted bytes: DIGEST_MISMATCH, and nothing at the destination, no partial file', async () => {
    await assert.rejects(pull('corrupt'), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'DIGEST_MISMATCH');
      assert.match(err.message, /nothing was written/);
      return true;
    });
    await assertNothingLeft();
  });

  it('more bytes than declared: SIZE_MISMATCH, nothing left behind', async () => {
    await assert.rejects(pull('long'), { code: 'SIZE_MISMATCH' });
    await assertNothingLeft();
  });

  it('not a SIF: NOT_A_SIF, nothing left behind', async () => {
    await assert.rejects(pull('notsif'), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'NOT_A_SIF');
      assert.match(err.message, /is not a SIF file; nothing was written/);
      return true;
    });
    await assertNothingLeft();
  });

  it('a cut connection is resumed with Range from the bytes already written', async () => {
    const result = await pull('truncate-once');
    assert.deepEqual(await readFile(join(dir.path, 'out.sif')), SIF);
    assert.equal(result.resumes, 1);
    const gets = registry.requests.filter((r) => r.path.includes('/blobs/'));
    assert.equal(gets.length, 2);
    assert.equal(gets[0]!.headers.range, undefined);
    // After what had reached the file: at most the 20 000 bytes sent before the cut.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(gets[1]!.headers.range ?? '')?.[1]);
    assert.ok(resumedAt > 0 && resumedAt <= 20_000, `resumed at ${gets[1]!.headers.range}`);
    assert.deepEqual(await readdir(dir.path), ['out.sif']);
  });

  it('a server that ignores Range makes the pull start over, still correct', async () => {
    // A partial file from an earlier attempt: the pull asks for the rest, gets everything.
    const partial = join(dir.path, `.out.sif.${DIGEST.slice(7, 19)}.partial`);
    await writeFile(partial, SIF.subarray(0, 30_000));
    const result = await pull('no-range');
    assert.deepEqual(await readFile(join(dir.path, 'out.sif')), SIF);
    assert.equal(result.resumes, 0);
    assert.equal(
      registry.requests.filter((r) => r.path.includes('/blobs/')).at(0)!.headers.range,
      'bytes=30000-',
    );
    assert.deepEqual(await readdir(dir.path), ['out.sif']);
  });

  it('a connection that keeps breaking fails cleanly; the next pull resumes the partial file', async () => {
    await assert.rejects(pull('truncate-always'), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'NETWORK');
      assert.equal(err.retryable, true);
      return true;
    });
    const left = await readdir(dir.path);
    assert.ok(!left.includes('out.sif'), 'nothing at the destination');
    assert.ok(
      left.every((f) => f.endsWith('.partial')),
      left.join(', '),
    );
    // A later pull of the same SIF continues from the partial file (Range), then commits.
    registry.requests.length = 0;
    await pull('good');
    assert.deepEqual(await readFile(join(dir.path, 'out.sif')), SIF);
    // Five cut attempts (1 + 4 retries) each added at most 20 000 bytes to the partial file.
    const first = registry.requests.find((r) => r.path.includes('/blobs/'));
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(first!.headers.range ?? '')?.[1]);
    assert.ok(resumedAt > 0 && resumedAt <= 5 * 20_000, `resumed at ${first!.headers.range}`);
    assert.deepEqual(await readdir(dir.path), ['out.sif']);
  });

  it('follows a redirect to object storage and gets the same bytes', async () => {
    storage.requests.length = 0;
    await pull('redirect');
    assert.deepEqual(await readFile(join(dir.path, 'out.sif')), SIF);
    assert.equal(storage.requests.length, 1);
    assert.equal(storage.requests[0]!.headers.authorization, undefined);
  });

  it('a destination folder that does not exist is FILE_ERROR, not an internal error', async () => {
    await assert.rejects(pull('good', join(dir.path, 'no', 'such', 'x.sif')), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'FILE_ERROR');
      assert.match(err.message, /Cannot write .*x\.sif: ENOENT/);
      return true;
    });
    await assertNothingLeft();
  });

  it('a disk too small for the SIF: FILE_ERROR before a byte of the blob is fetched', async () => {
    const asked: string[] = [];
    const freeSpace = async (where: string) => {
      asked.push(where);
      return 1000;
    };
    await assert.rejects(pull('good', join(dir.path, 'out.sif'), { freeSpace }), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'FILE_ERROR');
      assert.match(
        err.message,
        /Not enough space for .*out\.sif: the SIF needs .* GB more and .* has 0\.00 GB free/,
      );
      return true;
    });
    assert.deepEqual(asked, [dir.path], 'the folder the file goes to');
    assert.ok(!registry.requests.some((r) => r.path.includes('/blobs/')), 'no blob GET');
    await assertNothingLeft();
    // Enough room (or room that cannot be read) lets the same pull through.
    await pull('good', join(dir.path, 'out.sif'), { freeSpace: async () => undefined });
    await rm(join(dir.path, 'out.sif'));
  });

  it('cancel during the download: CANCELLED, nothing at the destination', async () => {
    const controller = new AbortController();
    const pending = pull('truncate-always', join(dir.path, 'out.sif'), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending, { code: 'CANCELLED' });
    assert.ok(!(await readdir(dir.path)).includes('out.sif'));
  });

  it('a missing blob is NOT_FOUND and leaves nothing', async () => {
    await assert.rejects(pull('gone'), { code: 'NOT_FOUND', status: 404 });
    await assertNothingLeft();
  });
});

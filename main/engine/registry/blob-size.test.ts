import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';

import { SifportError } from '../errors.js';
import { pullSif } from '../transfers/pull.js';
import { buildSifManifest } from './artifact/sif-manifest.js';
import { openBlob } from './blobs.js';
import type { RegistryClient } from './client.js';
import { MEDIA_TYPES } from './media-types.js';
import { loopbackClient, sha256, withClient, suiteTempDir } from '../../../e2e/kit/index.js';

const BLOB = Buffer.alloc(50, 7);
const DIGEST = sha256(BLOB);
/** What the (wrong) manifest declares. */
const DECLARED = 100;

function isDisagreement(err: unknown): boolean {
  assert.ok(err instanceof SifportError, String(err));
  assert.equal(err.code, 'SIZE_MISMATCH', err.message);
  assert.equal(err.retryable, false);
  assert.match(err.message, /manifest and (its )?blob disagree/);
  assert.match(err.message, /100/);
  return true;
}

/**
 * Issue #10 item 12: a manifest whose layer size disagrees with the blob. It used to be
 * found only after the whole download ("The download ended early." after 5 retries), or as
 * "failed (HTTP 416)"; now the response's own length tells, at once and without a retry.
 */
describe('manifest and blob sizes that disagree (issue #10 item 12)', () => {
  let server: Server;
  let host: string;
  const dir = suiteTempDir('sifport-blob-size-');
  let blobGets = 0;
  /** Send the blob without Content-Length (ends with the connection). */
  let unframed = false;

  before(async () => {
    const manifest = buildSifManifest({ size: DECLARED, digest: DIGEST, title: 'app.sif' });
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/v2/') return void res.writeHead(200, { 'content-length': '0' }).end();
      if (req.url === '/v2/lab/app/manifests/1') {
        return void res
          .writeHead(200, {
            'content-type': MEDIA_TYPES.ociManifest,
            'content-length': String(manifest.length),
          })
          .end(manifest);
      }
      if (req.url === `/v2/lab/app/blobs/${DIGEST}`) {
        blobGets++;
        const start = Number(/bytes=(\d+)-/.exec(req.headers.range ?? '')?.[1] ?? 0);
        if (start >= BLOB.length) {
          return void res
            .writeHead(416, { 'content-range': `bytes */${BLOB.length}`, 'content-length': '0' })
            .end();
        }
        const part = BLOB.subarray(start);
        const headers: Record<string, string> = unframed
          ? { connection: 'close' }
          : { 'content-length': String(part.length) };
        if (start > 0)
          headers['content-range'] = `bytes ${start}-${BLOB.length - 1}/${BLOB.length}`;
        res.writeHead(start > 0 ? 206 : 200, headers);
        if (unframed) res.useChunkedEncodingByDefault = false;
        return void res.end(part);
      }
      res.writeHead(404, { 'content-length': '0' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    blobGets = 0;
    unframed = false;
  });

  const client = (): RegistryClient =>
    loopbackClient(host, { retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 } });

  it('a 200 whose Content-Length differs from the descriptor fails at once', async () => {
    await withClient(client(), async (c) => {
      await assert.rejects(openBlob(c, 'lab/app', DIGEST, 0, undefined, DECLARED), isDisagreement);
    });
  });

  it('a 206 whose Content-Range total differs fails at once', async () => {
    await withClient(client(), async (c) => {
      await assert.rejects(openBlob(c, 'lab/app', DIGEST, 10, undefined, DECLARED), isDisagreement);
    });
  });

  it('a 416 on a resume means the blob is shorter than the manifest says', async () => {
    await withClient(client(), async (c) => {
      await assert.rejects(openBlob(c, 'lab/app', DIGEST, 60, undefined, DECLARED), (err) => {
        isDisagreement(err);
        assert.match((err as Error).message, /50/);
        return true;
      });
    });
  });

  for (const framing of ['with Content-Length', 'without Content-Length'] as const) {
    it(`a pull says so once, without retrying (${framing})`, async () => {
      unframed = framing === 'without Content-Length';
      await withClient(client(), async (c) => {
        await assert.rejects(
          pullSif({
            client: c,
            reference: { registry: host, repository: 'lab/app', tag: '1', digest: undefined },
            destination: join(dir.path, `out-${blobGets}-${framing.length}.sif`),
          }),
          isDisagreement,
        );
        // Framed: the one GET. Unframed: the body ends early and the resume's 416 tells the
        // blob is shorter (not 5 retries of "The download ended early").
        assert.ok(blobGets <= (unframed ? 3 : 1), `blob GETs: ${blobGets}`);
      });
    });
  }
});

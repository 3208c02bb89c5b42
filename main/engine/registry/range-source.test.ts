import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import { MemoryByteSource, inspectSif } from '../sif/index.js';
import { SifportError } from '../errors.js';
import type { HttpResponse } from './transport/http.js';
import { RemoteBlobSource, parseContentRange, type RemoteSourceOptions } from './range-source.js';
import { SIGNED_SIF, sha256 } from '../../../e2e/kit/index.js';

const KiB = 1024;

/** How the fake server answers a range request. */
type Mode =
  | 'good'
  | 'ignore-range'
  | 'wrong-start'
  | 'wrong-total'
  | 'longer'
  | 'no-content-range'
  | 'truncate-once';

interface Fake {
  readonly requests: { start: number; end: number }[];
  /** Bodies handed out, to see which were destroyed unread. */
  readonly bodies: Readable[];
  /** Bytes the fake actually let the client read. */
  sent: number;
  open(start: number, end: number): Promise<HttpResponse>;
}

function response(status: number, headers: IncomingHttpHeaders, body: Readable): HttpResponse {
  return {
    status,
    headers,
    url: new URL('http://fake.test/v2/x/blobs/sha256:0'),
    body,
    text: async () => '',
    discard: async () => {
      body.resume();
    },
  };
}

/** A body that hands out `bytes` in 16 KiB chunks, counting what is read. */
function chunked(fake: Fake, bytes: Uint8Array): Readable {
  const body = Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 16 * KiB) {
        const chunk = Buffer.from(bytes.subarray(at, at + 16 * KiB));
        fake.sent += chunk.length;
        yield chunk;
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  );
  fake.bodies.push(body);
  return body;
}

function fakeBlob(blob: Uint8Array, mode: Mode = 'good'): Fake {
  let truncated = false;
  const fake: Fake = {
    requests: [],
    bodies: [],
    sent: 0,
    async open(start, end) {
      fake.requests.push({ start, end });
      if (mode === 'ignore-range') {
        return response(200, { 'content-length': String(blob.length) }, chunked(fake, blob));
      }
      let from = start;
      let to = end;
      if (mode === 'wrong-start') from += 1;
      if (mode === 'longer') to = blob.length - 1;
      const total = mode === 'wrong-total' ? blob.length + 1 : blob.length;
      const headers: IncomingHttpHeaders =
        mode === 'no-content-range' ? {} : { 'content-range': `bytes ${from}-${to}/${total}` };
      let part = blob.subarray(from, to + 1);
      if (mode === 'truncate-once' && !truncated) {
        truncated = true;
        part = part.subarray(0, Math.floor(part.length / 2));
      }
      return response(206, headers, chunked(fake, part));
    },
  };
  return fake;
}

function source(blob: Uint8Array, fake: Fake, options: RemoteSourceOptions = {}): RemoteBlobSource {
  return new RemoteBlobSource(blob.length, sha256(blob), (s, e) => fake.open(s, e), {
    what: 'test blob',
    ...options,
  });
}

describe('parseContentRange', () => {
  it('reads start, end and total; refuses malformed values', () => {
    assert.deepEqual(parseContentRange('bytes 0-9/100'), { start: 0, end: 9, total: 100 });
    assert.deepEqual(parseContentRange('bytes 5-5/*'), { start: 5, end: 5, total: undefined });
    assert.equal(parseContentRange('bytes 9-0/100'), undefined);
    assert.equal(parseContentRange('items 0-9/100'), undefined);
    assert.equal(parseContentRange(undefined), undefined);
  });
});

describe('RemoteBlobSource over a Range-honouring fake', () => {
  const blob = new Uint8Array(randomBytes(1024 * KiB));

  it('serves any range byte-exactly, in aligned block requests', async () => {
    const fake = fakeBlob(blob);
    const src = source(blob, fake);
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 200; i++) {
      const offset = next(blob.length);
      const length = next(100 * KiB);
      const want = blob.subarray(offset, Math.min(blob.length, offset + length));
      assert.deepEqual(await src.read(offset, length), want, `read ${offset}+${length}`);
    }
    for (const r of fake.requests) {
      assert.equal(r.start % (64 * KiB), 0);
      assert.ok((r.end + 1) % (64 * KiB) === 0 || r.end === blob.length - 1);
    }
    assert.deepEqual(await src.read(blob.length - 3, 10), blob.subarray(blob.length - 3));
    assert.equal((await src.read(blob.length, 10)).length, 0);
  });

  it('caches blocks: small reads inside one block cost one request', async () => {
    const fake = fakeBlob(blob);
    const src = source(blob, fake);
    await src.read(0, 128);
    await src.read(128, 4000);
    await src.read(60 * KiB, 4 * KiB);
    assert.deepEqual(fake.requests, [{ start: 0, end: 64 * KiB - 1 }]);
    assert.deepEqual(src.stats, { requests: 1, bytesFetched: 64 * KiB, wholeBlob: false });
  });

  it('fetches a run of missing blocks in one request and reuses cached neighbours', async () => {
    const fake = fakeBlob(blob);
    const src = source(blob, fake);
    await src.read(64 * KiB, 10);
    await src.read(10, 4 * 64 * KiB);
    assert.deepEqual(fake.requests, [
      { start: 64 * KiB, end: 128 * KiB - 1 },
      { start: 0, end: 64 * KiB - 1 },
      { start: 128 * KiB, end: 5 * 64 * KiB - 1 },
    ]);
  });

  it('evicts the least recently used block when the cache is full', async () => {
    const fake = fakeBlob(blob);
    const src = source(blob, fake, { blockSize: 4 * KiB, cacheBytes: 8 * KiB });
    await src.read(0, 1); // block 0
    await src.read(4 * KiB, 1); // block 1
    await src.read(0, 1); // block 0 again: cached, now most recent
    await src.read(8 * KiB, 1); // block 2 evicts block 1
    await src.read(0, 1); // still cached
    assert.equal(fake.requests.length, 3);
    await src.read(4 * KiB, 1); // block 1 was evicted
    assert.equal(fake.requests.length, 4);
    // A read larger than the cache still comes back whole.
    assert.deepEqual(await src.read(0, 40 * KiB), blob.subarray(0, 40 * KiB));
  });

  it('concurrent reads of one block share its request', async () => {
    const fake = fakeBlob(blob);
    const src = source(blob, fake);
    const [a, b] = await Promise.all([src.read(0, 100), src.read(50, 100)]);
    assert.deepEqual(a, blob.subarray(0, 100));
    assert.deepEqual(b, blob.subarray(50, 150));
    assert.equal(fake.requests.length, 1);
  });

  it('stops at the fetch cap with TOO_LARGE, before sending the request', async () => {
    const fake = fakeBlob(blob);
    const src = source(blob, fake, { maxFetchBytes: 128 * KiB });
    await src.read(0, 128 * KiB);
    await assert.rejects(src.read(128 * KiB, 1), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'TOO_LARGE');
      assert.match(err.message, /pull the image/);
      return true;
    });
    assert.equal(fake.requests.length, 1);
  });

  it('checks Content-Range: wrong start, wrong total and none are errors', async () => {
    for (const [mode, code] of [
      ['wrong-start', 'NETWORK'],
      ['wrong-total', 'SIZE_MISMATCH'],
      ['no-content-range', 'NETWORK'],
    ] as const) {
      const fake = fakeBlob(blob, mode);
      await assert.rejects(source(blob, fake).read(0, 10), { code }, mode);
      assert.equal(fake.requests.length, 1, `${mode}: not retried`);
    }
  });

  it('cuts off a 206 longer than asked without reading the rest', async () => {
    const fake = fakeBlob(blob, 'longer');
    const src = source(blob, fake);
    assert.deepEqual(await src.read(0, 10), blob.subarray(0, 10));
    assert.ok(fake.sent < 200 * KiB, `sent ${fake.sent}`);
    assert.ok(fake.bodies[0]!.destroyed);
  });

  it('retries a range whose body ends early', async () => {
    const fake = fakeBlob(blob, 'truncate-once');
    const src = source(blob, fake);
    assert.deepEqual(await src.read(100, 1000), blob.subarray(100, 1100));
    assert.equal(src.stats.requests, 2);
  });

  it('inspects a SIF with as few requests as a local inspect needs reads', async () => {
    const sif = new Uint8Array(await readFile(SIGNED_SIF));
    const fake = fakeBlob(sif);
    const remote = await inspectSif(source(sif, fake, { blockSize: 4 * KiB }));
    const local = await inspectSif(new MemoryByteSource(sif));
    assert.deepEqual(remote.deffile, local.deffile);
    assert.deepEqual(remote.signatures, local.signatures);
    assert.deepEqual(remote.metadata, local.metadata);
    assert.ok(fake.requests.length <= 6, `${fake.requests.length} requests`);
  });
});

describe('RemoteBlobSource when the registry ignores Range', () => {
  it('a small blob is read whole once, digest-checked, and served from memory', async () => {
    const blob = new Uint8Array(randomBytes(300 * KiB));
    const fake = fakeBlob(blob, 'ignore-range');
    const src = source(blob, fake);
    assert.deepEqual(await src.read(1000, 10), blob.subarray(1000, 1010));
    assert.deepEqual(await src.read(200 * KiB, 50 * KiB), blob.subarray(200 * KiB, 250 * KiB));
    assert.deepEqual(src.stats, { requests: 1, bytesFetched: blob.length, wholeBlob: true });
  });

  it('a blob over the fallback limit fails UNSUPPORTED without reading the body', async () => {
    const blob = new Uint8Array(randomBytes(2048 * KiB));
    const fake = fakeBlob(blob, 'ignore-range');
    const src = source(blob, fake, { fallbackMaxBytes: 1024 * KiB });
    await assert.rejects(src.read(0, 10), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'UNSUPPORTED');
      assert.match(err.message, /ignores Range requests.*pull the image to inspect it/);
      return true;
    });
    assert.ok(fake.bodies[0]!.destroyed, 'the response was aborted');
    assert.ok(fake.sent <= 64 * KiB, `sent ${fake.sent}`);
    assert.equal(src.stats.bytesFetched, 0);
  });

  it('a whole blob that does not match its digest is refused', async () => {
    const blob = new Uint8Array(randomBytes(100 * KiB));
    const fake = fakeBlob(blob, 'ignore-range');
    const src = new RemoteBlobSource(blob.length, sha256(new Uint8Array(1)), (s, e) =>
      fake.open(s, e),
    );
    await assert.rejects(src.read(0, 10), { code: 'DIGEST_MISMATCH' });
  });
});

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { finished } from 'node:stream/promises';
import {
  listenOnLoopback,
  type LoopbackServer,
  suiteTlsServer,
} from '../../../../e2e/kit/index.js';
import type { BufferLender } from './direct-body.js';
import { NodeHttpTransport } from './http.js';
import { parseHead, rawGet, RawGetUnsupported } from './raw-http-get.js';

const blob = randomBytes(9 * 1024 * 1024 + 123);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('rawGet: blob bodies straight off the socket', () => {
  let server: LoopbackServer;
  let base: string;
  before(async () => {
    const handler = http.createServer((req, res) => {
      if (req.url === '/blob') {
        res.setHeader('content-length', blob.length);
        res.setHeader('x-seen-auth', req.headers.authorization ?? 'none');
        res.end(blob);
      } else if (req.url === '/chunked') {
        res.write(blob.subarray(0, 1000));
        res.end(blob.subarray(1000, 5000));
      } else if (req.url === '/cut') {
        res.setHeader('content-length', blob.length);
        res.write(blob.subarray(0, 2 * 1024 * 1024), () => res.socket?.destroy());
      } else {
        res.statusCode = 404;
        res.setHeader('content-length', 2);
        res.end('{}');
      }
    });
    server = await listenOnLoopback(handler);
    base = server.url;
  });
  after(() => server.stop());

  it('parses a status line and repeated headers', () => {
    const head = parseHead(
      'HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/10\r\nX-A: 1\r\nx-a: 2',
    );
    assert.equal(head.status, 206);
    assert.equal(head.headers['content-range'], 'bytes 5-9/10');
    assert.equal(head.headers['x-a'], '1, 2');
  });

  it('delivers exactly Content-Length bytes, with the request headers sent', async () => {
    const res = await rawGet(new URL(`${base}/blob`), { authorization: 'Bearer abc' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-seen-auth'], 'Bearer abc');
    assert.equal(sha(await buffer(res.body)), sha(blob));
  });

  it('refuses chunked framing, and the transport then falls back to node:http', async () => {
    await assert.rejects(rawGet(new URL(`${base}/chunked`), {}), RawGetUnsupported);
    const transport = new NodeHttpTransport();
    try {
      const res = await transport.send({
        method: 'GET',
        url: new URL(`${base}/chunked`),
        bulkBody: true,
      });
      assert.deepEqual(await buffer(res.body), blob.subarray(0, 5000));
    } finally {
      transport.close();
    }
  });

  it('a connection cut mid-body is an ECONNRESET error on the body, not a short success', async () => {
    const res = await rawGet(new URL(`${base}/cut`), {});
    await assert.rejects(buffer(res.body), { code: 'ECONNRESET' });
  });

  it('error answers come back with their status and small body', async () => {
    const res = await rawGet(new URL(`${base}/missing`), {});
    assert.equal(res.status, 404);
    assert.equal((await buffer(res.body)).toString(), '{}');
  });

  /** A target of `slab`-byte buffers that collects what landed; `pauseEvery` pauses it. */
  function collectingTarget(slab: number, pauseEvery = 0) {
    const parts: Buffer[] = [];
    let region = Buffer.alloc(0);
    let calls = 0;
    const target: BufferLender = {
      lend: () => (region = Buffer.alloc(slab)),
      landed: (length) => {
        parts.push(region.subarray(0, length));
        calls++;
        return pauseEvery === 0 || calls % pauseEvery !== 0;
      },
    };
    return { target, bytes: () => Buffer.concat(parts), calls: () => calls };
  }

  it('reads a body in place into lent buffers, pausing and resuming on request', async () => {
    const res = await rawGet(new URL(`${base}/blob`), {});
    const sink = collectingTarget(100_000, 3);
    let resume = (): void => {};
    const original = sink.target.landed;
    sink.target.landed = (length) => {
      const more = original(length);
      if (!more) setImmediate(() => resume());
      return more;
    };
    resume = res.body.readInto(sink.target);
    await finished(res.body);
    assert.equal(sha(sink.bytes()), sha(blob));
    assert.ok(sink.calls() >= blob.length / 100_000, 'one landing per read, each within a slab');
  });

  it('in place, a connection cut mid-body fails the body with ECONNRESET', async () => {
    const res = await rawGet(new URL(`${base}/cut`), {});
    const sink = collectingTarget(1024 * 1024);
    res.body.readInto(sink.target);
    await assert.rejects(finished(res.body), { code: 'ECONNRESET' });
    assert.ok(res.body.errored);
    assert.deepEqual(sink.bytes(), blob.subarray(0, sink.bytes().length));
  });

  it('a body already read as a stream cannot switch to in-place reading', async () => {
    const res = await rawGet(new URL(`${base}/missing`), {});
    assert.equal((await buffer(res.body)).toString(), '{}');
    assert.throws(() => res.body.readInto(collectingTarget(10).target), /already being read/);
  });

  it('in place, a body that came whole with the head still lands and ends', async () => {
    const res = await rawGet(new URL(`${base}/missing`), {});
    const sink = collectingTarget(64);
    res.body.readInto(sink.target);
    await finished(res.body);
    assert.equal(sink.bytes().toString(), '{}');
  });

  it('in place, a body without Content-Length ends when the server closes', async () => {
    const data = randomBytes(3 * 1024 * 1024);
    const raw = net.createServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n');
        socket.end(data);
      });
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    try {
      const port = (raw.address() as AddressInfo).port;
      const res = await rawGet(new URL(`http://127.0.0.1:${port}/blob`), {});
      const sink = collectingTarget(256 * 1024);
      res.body.readInto(sink.target);
      await finished(res.body);
      assert.equal(sha(sink.bytes()), sha(data));
    } finally {
      await new Promise<void>((r) => raw.close(() => r()));
    }
  });
});

describe('rawGet over TLS (decrypted records copied in once)', () => {
  const server = suiteTlsServer('sifport-raw-tls-', (req, res) => {
    if (req.url === '/blob') {
      res.setHeader('content-length', blob.length);
      res.end(blob);
    } else {
      res.write(blob.subarray(0, 1000));
      res.end(blob.subarray(1000, 5000));
    }
  });

  it('reads a body in place and as a stream, trusting the given CA', async () => {
    const ca = [await readFile(server.caFile, 'utf8')];
    const inPlace = await rawGet(new URL(`${server.url}/blob`), {}, undefined, undefined, { ca });
    const parts: Buffer[] = [];
    let region = Buffer.alloc(0);
    let resume = (): void => {};
    let calls = 0;
    resume = inPlace.body.readInto({
      lend: () => (region = Buffer.alloc(256 * 1024)),
      landed: (length) => {
        parts.push(region.subarray(0, length));
        // Pause now and then: a TLS socket is paused and resumed like any stream.
        if (++calls % 50 !== 0) return true;
        setImmediate(() => resume());
        return false;
      },
    });
    await finished(inPlace.body);
    assert.equal(sha(Buffer.concat(parts)), sha(blob));
    const streamed = await rawGet(new URL(`${server.url}/blob`), {}, undefined, undefined, { ca });
    assert.equal(sha(await buffer(streamed.body)), sha(blob));
  });

  it('an untrusted certificate is a TLS error; chunked answers fall back to node:http', async () => {
    const strict = new NodeHttpTransport();
    const trusting = new NodeHttpTransport({ caFile: server.caFile });
    try {
      await assert.rejects(
        strict.send({ method: 'GET', url: new URL(`${server.url}/blob`), bulkBody: true }),
        { code: 'TLS' },
      );
      const res = await trusting.send({
        method: 'GET',
        url: new URL(`${server.url}/chunked`),
        bulkBody: true,
      });
      assert.deepEqual(await buffer(res.body), blob.subarray(0, 5000));
    } finally {
      strict.close();
      trusting.close();
    }
  });
});

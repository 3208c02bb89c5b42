import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';

import { startFaultProxy } from './fault-proxy.js';
import type { FaultProxy } from './fault-proxy.js';
import { ensurePki } from './pki.js';

/** What the upstream saw of one request. */
interface Seen {
  method: string;
  url: string;
  bytes: number;
  complete: boolean;
  done: Promise<void>;
}

const seen: Seen[] = [];
let onData: ((seen: Seen) => void) | undefined;
let releaseResponse: (() => void) | undefined;

/** Upstream: counts body bytes, answers with URL headers pointing at itself. */
function upstreamHandler(origin: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let finish: () => void = () => undefined;
    const entry: Seen = {
      method: req.method ?? '',
      url: req.url ?? '',
      bytes: 0,
      complete: false,
      done: new Promise((resolve) => (finish = resolve)),
    };
    seen.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
      onData?.(entry);
    });
    req.on('close', () => {
      entry.complete = req.complete;
      finish();
    });
    req.on('end', () => {
      if (req.url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part;');
        releaseResponse = () => res.end('second part');
        return;
      }
      res.writeHead(req.method === 'POST' ? 202 : 200, {
        location: `${origin()}/v2/x/blobs/uploads/1?_state=abc`,
        link: `<${origin()}/v2/_catalog?last=a&n=1>; rel="next"`,
        'x-relative': '/v2/untouched',
        'x-received': String(entry.bytes),
      });
      res.end('ok');
    });
  };
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

let dir = '';
let upstreamUrl = '';
const upstream = createServer(upstreamHandler(() => upstreamUrl));
let proxy: FaultProxy;

before(async () => {
  upstreamUrl = `http://127.0.0.1:${await listen(upstream)}`;
  proxy = await startFaultProxy(upstreamUrl);
});
afterEach(() => {
  proxy.reset();
  seen.length = 0;
  onData = undefined;
});
after(async () => {
  await proxy.stop();
  upstream.closeAllConnections();
  upstream.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

test('forwards, logs, and rewrites Location and Link to point at the proxy', async () => {
  const response = await fetch(`${proxy.url}/v2/x/blobs/uploads/`, { method: 'POST', body: 'abc' });
  assert.equal(response.status, 202);
  assert.equal(await response.text(), 'ok');
  assert.equal(response.headers.get('location'), `${proxy.url}/v2/x/blobs/uploads/1?_state=abc`);
  assert.equal(response.headers.get('link'), `<${proxy.url}/v2/_catalog?last=a&n=1>; rel="next"`);
  assert.equal(response.headers.get('x-relative'), '/v2/untouched');
  assert.equal(response.headers.get('x-received'), '3');
  assert.deepEqual(proxy.requests, [
    {
      method: 'POST',
      path: '/v2/x/blobs/uploads/',
      status: 202,
      outcome: 'forwarded',
      bytesForwarded: 3,
    },
  ]);
});

test('failNext answers directly with the status and Retry-After, then forwards again', async () => {
  proxy.failNext({
    method: 'GET',
    pathPattern: /\/manifests\//,
    status: 429,
    retryAfter: '2',
    times: 2,
  });
  const url = `${proxy.url}/v2/x/manifests/latest`;
  const other = await fetch(`${proxy.url}/v2/x/tags/list`);
  assert.equal(other.status, 200, 'a request outside the pattern passes');
  for (let i = 0; i < 2; i += 1) {
    const failed = await fetch(url);
    assert.equal(failed.status, 429);
    assert.equal(failed.headers.get('retry-after'), '2');
    assert.deepEqual(await failed.json(), {
      errors: [{ code: 'TOOMANYREQUESTS', message: 'injected by the fault proxy' }],
    });
  }
  assert.equal((await fetch(url)).status, 200);
  assert.deepEqual(
    seen.map((s) => s.url),
    ['/v2/x/tags/list', '/v2/x/manifests/latest'],
    'failed requests never reach the upstream',
  );
  assert.deepEqual(
    proxy.requests.map((r) => `${r.status} ${r.outcome}`),
    ['200 forwarded', '429 failed', '429 failed', '200 forwarded'],
  );
});

test('cutAfter forwards exactly N body bytes, then cuts both sides', async () => {
  proxy.cutAfter({ method: 'PATCH', bytes: 100_000 });
  const body = Buffer.alloc(1024 * 1024, 7);
  await assert.rejects(fetch(`${proxy.url}/v2/x/blobs/uploads/1`, { method: 'PATCH', body }));
  const partial = seen[0];
  assert.ok(partial);
  await partial.done;
  assert.equal(partial.bytes, 100_000);
  assert.equal(partial.complete, false, 'the upstream sees a partial request');
  assert.deepEqual(proxy.requests[0], {
    method: 'PATCH',
    path: '/v2/x/blobs/uploads/1',
    status: 0,
    outcome: 'cut',
    bytesForwarded: 100_000,
  });
  const retry = await fetch(`${proxy.url}/v2/x/blobs/uploads/1`, { method: 'PATCH', body });
  assert.equal(retry.headers.get('x-received'), String(body.length), 'times defaults to 1');
});

test('cutAfter with bytes 0 on a GET loses the response', async () => {
  proxy.cutAfter({ pathPattern: /^\/lost$/, bytes: 0 });
  await assert.rejects(fetch(`${proxy.url}/lost`));
  await seen[0]?.done;
  assert.deepEqual(
    seen.map((s) => s.url),
    ['/lost'],
    'the upstream received the request',
  );
});

test('bodies stream through in both directions without being buffered', async () => {
  const firstChunkArrived = new Promise<void>((resolve) => {
    onData = (entry) => {
      if (entry.bytes >= 1000) resolve();
    };
  });
  const req = request(`${proxy.url}/upload`, {
    method: 'PUT',
    headers: { 'content-length': 2000 },
  });
  req.write(Buffer.alloc(1000));
  await firstChunkArrived; // the upstream has half the body while the client still holds the rest
  req.end(Buffer.alloc(1000));
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  assert.equal(res.headers['x-received'], '2000');
  res.resume();

  const slow = request(`${proxy.url}/slow`);
  slow.end();
  const [slowRes] = (await once(slow, 'response')) as [IncomingMessage];
  const [first] = (await once(slowRes, 'data')) as [Buffer];
  assert.equal(first.toString(), 'first part;', 'the client reads before the upstream finishes');
  releaseResponse?.();
  const rest: Buffer[] = [];
  for await (const chunk of slowRes) rest.push(chunk as Buffer);
  assert.equal(Buffer.concat(rest).toString(), 'second part');
});

test('an https upstream is reached with the given CA', async () => {
  dir = await mkdtemp(join(tmpdir(), 'sifport-proxy-'));
  const pki = await ensurePki(join(dir, 'pki'));
  let secureUrl = '';
  const secure = createHttpsServer(
    { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) },
    upstreamHandler(() => secureUrl),
  );
  secureUrl = `https://127.0.0.1:${await listen(secure)}`;
  const tlsProxy = await startFaultProxy(secureUrl, { ca: await readFile(pki.caCert) });
  try {
    const response = await fetch(`${tlsProxy.url}/v2/x/blobs/uploads/`, { method: 'POST' });
    assert.equal(response.status, 202);
    assert.equal(
      response.headers.get('location'),
      `${tlsProxy.url}/v2/x/blobs/uploads/1?_state=abc`,
    );
    const untrusted = await startFaultProxy(secureUrl);
    const refused = await fetch(`${untrusted.url}/v2/`);
    assert.equal(refused.status, 502, 'without the CA the upstream certificate is rejected');
    await untrusted.stop();
  } finally {
    await tlsProxy.stop();
    secure.closeAllConnections();
    secure.close();
  }
});

test('reset drops pending rules and the log', async () => {
  proxy.failNext({ status: 503, times: 5 });
  proxy.cutAfter({ bytes: 1, times: 5 });
  assert.equal((await fetch(`${proxy.url}/a`)).status, 503);
  proxy.reset();
  assert.equal(proxy.requests.length, 0);
  assert.equal((await fetch(`${proxy.url}/a`, { method: 'POST', body: 'xyz' })).status, 202);
});

test('throttle forwards request bodies at about the given rate, whole', async () => {
  proxy.throttle(256 * 1024);
  const body = Buffer.alloc(512 * 1024, 3);
  const started = performance.now();
  const response = await fetch(`${proxy.url}/v2/x/blobs/uploads/1`, { method: 'PATCH', body });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(response.headers.get('x-received'), String(body.length));
  assert.ok(seconds >= 1.5, `512 KiB at 256 KiB/s took only ${seconds.toFixed(2)} s`);
  proxy.reset();
  const quick = performance.now();
  await fetch(`${proxy.url}/v2/x/blobs/uploads/1`, { method: 'PATCH', body });
  assert.ok(performance.now() - quick < 1000, 'reset lifts the throttle');
});

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import type { RegistryClient } from '../engine/registry/client.js';
import { startLoopbackHost, type LoopbackHost } from './loopback-host.js';
import { testHandlers } from '../../e2e/kit/app-deps.js';

/** Stands in for a registry client: the fake listTags below never touches it. */
const fakeClient = (registry: string) => ({ registry }) as unknown as RegistryClient;

/** Tags of a pretend registry, keyed by `registry/repository`. */
const fakeTags: Record<string, string[]> = { 'registry.example/lab/tools': ['v1', 'v2'] };

let dir: string;
let host: LoopbackHost;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sifport-loopback-'));
  await mkdir(join(dir, 'web', 'assets'), { recursive: true });
  await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><title>Sifport</title>');
  await writeFile(join(dir, 'web', 'assets', 'app.js'), 'export {};');
  await writeFile(join(dir, 'secret.txt'), 'outside the static dir');
  host = await startLoopbackHost({
    staticDir: join(dir, 'web'),
    handlers: testHandlers({
      clientFor: fakeClient,
      listTags: async (client, repository) => fakeTags[`${client.registry}/${repository}`] ?? [],
    }),
  });
});

after(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** One raw HTTP request, so the Host header and odd paths go out exactly as written. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { port } = new URL(host.origin);
  return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }),
      );
    });
    req.on('error', reject).end();
  });
}

/** Opens a socket; resolves with it, or rejects with the HTTP status of a refused upgrade. */
function connect(url = host.socketUrl, origin: string | null = host.origin) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, origin === null ? {} : { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** The next frame on a socket, parsed. */
/** The next reply frame on `ws` (events pushed meanwhile are skipped). */
function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in frame) return;
      ws.off('message', onMessage);
      resolve(frame);
    };
    ws.on('message', onMessage);
  });
}

async function call(ws: WebSocket, frame: unknown, binary = false) {
  const reply = nextFrame(ws);
  ws.send(binary ? Buffer.from(JSON.stringify(frame)) : JSON.stringify(frame), { binary });
  return reply;
}

test('the page URL carries the token in its fragment and the socket shares its origin', () => {
  const page = new URL(host.url);
  assert.equal(page.origin, host.origin);
  assert.match(page.hostname, /^127\.0\.0\.1$/);
  const token = new URLSearchParams(page.hash.slice(1)).get('token');
  assert.ok(token && token.length >= 40);
  assert.equal(host.socketUrl, `ws://${page.host}/ipc/${token}`);
});

test('serves the built renderer read-only, and nothing outside it', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.match(index.type, /text\/html/);
  assert.match(index.body, /<title>Sifport<\/title>/);
  assert.match((await get('/assets/app.js')).type, /text\/javascript/);
  assert.equal((await get('/../secret.txt')).status, 404);
  assert.equal((await get('/%2e%2e/secret.txt')).status, 404);
  assert.equal((await get('/nope.js')).status, 404);
  assert.equal((await get('/', {}, 'POST')).status, 405);
  assert.equal((await get('/', { Host: 'evil.example' })).status, 421);
});

test('refuses a socket with a wrong or missing token', async () => {
  const wrong = host.socketUrl.replace(/[^/]+$/, 'x'.repeat(43));
  await assert.rejects(connect(wrong), /HTTP 403/);
  await assert.rejects(connect(host.socketUrl.replace(/\/ipc\/.*$/, '/ipc/')), /HTTP 403/);
  await assert.rejects(connect(host.socketUrl.replace(/\/ipc\/.*$/, '/')), /HTTP 403/);
});

test('refuses a socket from another origin or with no origin', async () => {
  await assert.rejects(connect(host.socketUrl, 'http://evil.example'), /HTTP 403/);
  await assert.rejects(connect(host.socketUrl, 'http://127.0.0.1:1'), /HTTP 403/);
  await assert.rejects(connect(host.socketUrl, null), /HTTP 403/);
});

test('answers unreadable frames with a USAGE error and id null, and stays open', async () => {
  const ws = await connect();
  try {
    const badJson = await new Promise<Record<string, unknown>>((resolve) => {
      ws.once('message', (data: Buffer) =>
        resolve(JSON.parse(data.toString()) as Record<string, unknown>),
      );
      ws.send('{not json');
    });
    assert.deepEqual(badJson['id'], null);
    assert.equal((badJson['envelope'] as { error: { code: string } }).error.code, 'USAGE');
    const binary = await call(ws, { id: 1, channel: 'registry:tags', request: {} }, true);
    assert.match((binary['envelope'] as { error: { message: string } }).error.message, /binary/);
    const shapeless = await call(ws, { channel: 'registry:tags' });
    assert.equal(shapeless['id'], null);
    assert.match(
      (shapeless['envelope'] as { error: { message: string } }).error.message,
      /id, channel, request/,
    );
    const ok = await call(ws, {
      id: 2,
      channel: 'registry:tags',
      request: { repository: 'oras://registry.example/lab/tools' },
    });
    assert.deepEqual(ok, { id: 2, envelope: { ok: true, value: { tags: ['v1', 'v2'] } } });
  } finally {
    ws.close();
  }
});

test('an unknown channel and an invalid request come back as errors with their id', async () => {
  const ws = await connect();
  try {
    const unknown = await call(ws, { id: 7, channel: 'shell:exec', request: {} });
    assert.equal(unknown['id'], 7);
    const error = unknown['envelope'] as { ok: boolean; error: { code: string; message: string } };
    assert.equal(error.ok, false);
    assert.equal(error.error.code, 'USAGE');
    assert.match(error.error.message, /Unknown channel "shell:exec"/);
    const badRef = await call(ws, {
      id: 8,
      channel: 'registry:tags',
      request: { repository: 'oras://Bad/UPPER' },
    });
    assert.equal(
      (badRef['envelope'] as { error: { code: string } }).error.code,
      'REFERENCE_INVALID',
    );
  } finally {
    ws.close();
  }
});

test('events from the handlers reach every connected socket', async () => {
  const [a, b] = await Promise.all([connect(), connect()]);
  try {
    const finishedOn = (ws: WebSocket) =>
      new Promise<Record<string, unknown>>((resolve) => {
        ws.on('message', (data: Buffer) => {
          const frame = JSON.parse(data.toString()) as Record<string, unknown>;
          if (frame['event'] === 'transfer:finished') resolve(frame);
        });
      });
    const onA = finishedOn(a);
    const onB = finishedOn(b);
    const started = await call(a, {
      id: 1,
      channel: 'transfer:push',
      request: {
        file: join(dir, 'missing.sif'),
        reference: 'oras://registry.example/lab/tools:v3',
      },
    });
    const jobId = (started['envelope'] as { value: { job: { id: string } } }).value.job.id;
    for (const frame of await Promise.all([onA, onB])) {
      const { job } = frame['payload'] as {
        job: { id: string; state: string; error: { code: string } };
      };
      assert.equal(job.id, jobId);
      assert.equal(job.state, 'failed');
      assert.ok(job.error.code);
    }
  } finally {
    a.close();
    b.close();
  }
});

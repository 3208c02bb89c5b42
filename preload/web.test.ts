import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import { startLoopbackHost } from '../main/app/loopback-host.js';
import { testHandlers } from '../e2e/kit/app-deps.js';
import type { RegistryClient } from '../main/engine/registry/client.js';
import type { EventOf } from '../shared/contract.js';
import { socketUrlFor } from '../shared/loopback-address.js';
import { SifportCallError } from './envelope.js';
import { createWebApi, type MessageTransport } from './web.js';

/** An in-memory transport: records what the API sends and lets the test play the host. */
class FakeTransport implements MessageTransport {
  readonly sent: Record<string, unknown>[] = [];
  private messageListener: (text: string) => void = () => undefined;
  private closeListener: () => void = () => undefined;
  send(text: string): void {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  onMessage(listener: (text: string) => void): void {
    this.messageListener = listener;
  }
  onClose(listener: () => void): void {
    this.closeListener = listener;
  }
  deliver(frame: unknown): void {
    this.messageListener(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  close(): void {
    this.closeListener();
  }
}

/** The `ws` client as a transport, as `renderer/src/web-bridge.ts` wraps the browser's. */
function wsTransport(ws: WebSocket): MessageTransport {
  return {
    send: (text) => ws.send(text),
    onMessage: (listener) => ws.on('message', (data: Buffer) => listener(data.toString())),
    onClose: (listener) => ws.on('close', listener),
  };
}

test('socketUrlFor derives the socket from the page location, or nothing without a token', () => {
  const page = { protocol: 'http:', host: '127.0.0.1:4100', hash: '#token=abc_DEF-1' };
  assert.equal(socketUrlFor(page), 'ws://127.0.0.1:4100/ipc/abc_DEF-1');
  assert.equal(socketUrlFor({ ...page, hash: '' }), undefined);
  assert.equal(socketUrlFor({ ...page, hash: '#token=a/../b' }), undefined);
  assert.equal(socketUrlFor({ ...page, protocol: 'https:' }), 'wss://127.0.0.1:4100/ipc/abc_DEF-1');
});

test('invoke resolves checked values and throws errors that carry the code', async () => {
  const transport = new FakeTransport();
  const api = createWebApi(transport);
  const tags = api.invoke('registry:tags', { repository: 'oras://r.example/a' });
  const failed = api.invoke('registry:tags', { repository: 'oras://r.example/b' });
  const malformed = api.invoke('registry:repos', { registry: 'r.example' });
  assert.deepEqual(
    transport.sent.map((m) => [m['id'], m['channel']]),
    [
      [0, 'registry:tags'],
      [1, 'registry:tags'],
      [2, 'registry:repos'],
    ],
  );
  transport.deliver({
    id: 1,
    envelope: { ok: false, error: { code: 'DENIED', message: 'no', retryable: false } },
  });
  transport.deliver({ id: 0, envelope: { ok: true, value: { tags: ['v1'] } } });
  transport.deliver({ id: 2, envelope: { ok: true, value: { repositories: 'not a list' } } });
  assert.deepEqual(await tags, { tags: ['v1'] });
  await assert.rejects(
    failed,
    (err: SifportCallError) => err.code === 'DENIED' && err.message === 'no',
  );
  await assert.rejects(malformed, (err: SifportCallError) => err.code === 'INTERNAL');
});

test('events are checked against the contract before listeners see them', () => {
  const transport = new FakeTransport();
  const api = createWebApi(transport);
  const seen: EventOf<'transfer:progress'>[] = [];
  const off = api.on('transfer:progress', (e) => seen.push(e));
  const good = {
    jobId: 'j',
    progress: { phase: 'uploading', bytesDone: 1, bytesTotal: 2, rate: 1 },
  };
  transport.deliver({ event: 'transfer:progress', payload: good });
  transport.deliver({
    event: 'transfer:progress',
    payload: { ...good, progress: { ...good.progress, phase: 'dancing' } },
  });
  transport.deliver({ event: 'transfer:unknown', payload: good });
  transport.deliver('not json');
  off();
  transport.deliver({ event: 'transfer:progress', payload: good });
  assert.deepEqual(seen, [good]);
  assert.throws(() => api.on('nope' as 'transfer:progress', () => undefined), /Unknown event/);
});

test('a lost connection fails pending and later calls with NETWORK', async () => {
  const transport = new FakeTransport();
  const api = createWebApi(transport);
  const pending = api.invoke('transfer:cancel', { jobId: 'x' });
  transport.close();
  await assert.rejects(pending, (err: SifportCallError) => err.code === 'NETWORK');
  await assert.rejects(
    api.invoke('transfer:cancel', { jobId: 'x' }),
    (err: SifportCallError) => err.code === 'NETWORK',
  );
});

test('the web API drives the real loopback host end to end (no browser)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-web-api-'));
  const host = await startLoopbackHost({
    staticDir: dir,
    handlers: testHandlers({
      clientFor: (registry) => ({ registry }) as unknown as RegistryClient,
      listTags: async () => ['latest'],
    }),
  });
  const ws = new WebSocket(host.socketUrl, { origin: host.origin });
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const api = createWebApi(wsTransport(ws));
    assert.deepEqual(await api.invoke('registry:tags', { repository: 'oras://r.example/a' }), {
      tags: ['latest'],
    });
    await assert.rejects(
      api.invoke('registry:tags', { repository: 'not a reference' }),
      (err: SifportCallError) =>
        err instanceof SifportCallError && err.code === 'REFERENCE_INVALID',
    );
    assert.deepEqual(await api.invoke('transfer:cancel', { jobId: 'none' }), { cancelled: false });
  } finally {
    ws.close();
    await host.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

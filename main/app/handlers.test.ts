import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { EventName, EventOf } from '../../shared/contract.js';
import { loadTestBed, testBedSkipReason, UNSIGNED_SIF } from '../../e2e/kit/index.js';
import { RegistryClient } from '../engine/registry/client.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { sessionAccounts } from './session-accounts.js';

function recorder() {
  const events: { event: EventName; payload: unknown }[] = [];
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    events.push({ event, payload });
  };
  const finished = () =>
    new Promise<EventOf<'transfer:finished'>>((resolve) => {
      const timer = setInterval(() => {
        const done = events.find((e) => e.event === 'transfer:finished');
        if (done) {
          clearInterval(timer);
          resolve(done.payload as EventOf<'transfer:finished'>);
        }
      }, 10);
    });
  return { events, emit, finished };
}

test('dispatch refuses unknown channels and invalid payloads as data, not throws', async () => {
  const handlers = createHandlers(
    testHandlerDeps({
      clientFor: () => {
        throw new Error('not reached');
      },
      emit: () => undefined,
    }),
  );
  const unknown = await dispatch(handlers, 'registry:nope', {});
  assert.equal(unknown.ok, false);
  assert.equal(!unknown.ok && unknown.error.code, 'USAGE');
  const invalid = await dispatch(handlers, 'transfer:push', { file: 42 });
  assert.equal(!invalid.ok && invalid.error.code, 'USAGE');
  assert.match(!invalid.ok ? invalid.error.message : '', /file/);
  const badRef = await dispatch(handlers, 'transfer:push', {
    file: UNSIGNED_SIF,
    reference: 'oras://Bad/UPPER:x',
  });
  assert.equal(!badRef.ok && badRef.error.code, 'REFERENCE_INVALID');
});

const bed = loadTestBed();

test(
  'push then pull through the handlers reports progress and a finished event',
  { skip: bed ? false : testBedSkipReason },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sifport-handlers-'));
    const clients: RegistryClient[] = [];
    const { accounts } = sessionAccounts();
    const clientFor = (registry: string) => {
      const client = new RegistryClient({ registry });
      clients.push(client);
      return client;
    };
    try {
      const reference = `oras://${bed!.open.host}/handlers/t${Date.now()}:v1`;
      const push = recorder();
      const notes: string[] = [];
      const notifier = {
        finished: (t: { title: string; body: string }) => void notes.push(`${t.title} | ${t.body}`),
      };
      const started = await dispatch(
        createHandlers(testHandlerDeps({ accounts, clientFor, emit: push.emit, notifier })),
        'transfer:push',
        { file: UNSIGNED_SIF, reference },
      );
      assert.equal(started.ok, true);
      const pushed = await push.finished();
      assert.equal(pushed.job.state, 'done', JSON.stringify(pushed.job.error));
      const digest = pushed.job.result?.digest ?? '';
      assert.match(digest, /^sha256:[a-f0-9]{64}$/);
      assert.equal(pushed.job.result?.summary, 'SIF uploaded');
      assert.deepEqual(notes, [`Pushed ${pushed.job.label} | SIF uploaded: ${digest}`]);
      // Progress is throttled to ~10 a second, so this small push may finish before any;
      // the drawer still sees it queued, then running, then done.
      const states = push.events
        .filter((e) => e.event === 'transfer:changed')
        .map((e) => (e.payload as EventOf<'transfer:changed'>).job.state);
      assert.deepEqual(states, ['queued', 'running', 'done']);

      const pull = recorder();
      const destination = join(dir, 'out.sif');
      await dispatch(
        createHandlers(testHandlerDeps({ accounts, clientFor, emit: pull.emit })),
        'transfer:pull',
        { reference, destination },
      );
      const pulled = await pull.finished();
      assert.equal(pulled.job.state, 'done', JSON.stringify(pulled.job.error));
      assert.deepEqual(await readFile(destination), await readFile(UNSIGNED_SIF));
    } finally {
      for (const c of clients) c.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
);

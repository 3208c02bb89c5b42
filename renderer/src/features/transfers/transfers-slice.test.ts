import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SifportCallError } from '../../../../preload/envelope.js';
import { fakeSifportApi } from '../../../../e2e/kit/fake-sifport-api.js';
import { createSifportStore } from '../../store/store.js';
import type { TransferView } from '../../store/domain.js';
import { PROGRESS_FLUSH_MS } from './transfers-slice.js';

const job = (id: string, extra: Partial<TransferView> = {}): TransferView => ({
  id,
  kind: 'push',
  label: `${id}.sif → lab.example › a:1`,
  state: 'queued',
  reference: 'oras://lab.example/a:1',
  source: `/d/${id}.sif`,
  createdAt: 0,
  attempts: 0,
  ...extra,
});
const tick = { phase: 'uploading' as const, bytesDone: 10, bytesTotal: 100, rate: 5 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

test('the history loads newest first, with counts per tab', async () => {
  const host = fakeSifportApi({
    'transfer:list': () => ({
      jobs: [
        job('old', { createdAt: 1, state: 'done' }),
        job('new', { createdAt: 3, state: 'running', progress: tick }),
        job('mid', { createdAt: 2, state: 'failed' }),
      ],
    }),
  });
  const store = createSifportStore(host);
  await store.getState().loadTransfers();
  const s = store.getState();
  assert.deepEqual(s.transferOrder, ['new', 'mid', 'old']);
  assert.deepEqual(s.transferCounts, { all: 3, active: 1, queued: 0, failed: 1, done: 1 });
  assert.deepEqual(s.runningTransfers, ['new']);
  assert.deepEqual(s.transferProgress.new, tick);
  assert.equal(s.notices.length, 0, 'loading the history announces nothing');
});

test('progress ticks change that job’s progress only, a few times a second at most', async () => {
  const store = createSifportStore(fakeSifportApi({}));
  store.getState().jobChanged(job('a'));
  store.getState().jobChanged(job('b'));
  const { transfers, transferOrder, transferCounts } = store.getState();
  let updates = 0;
  const stop = store.subscribe(() => updates++);
  store.getState().progressed({ jobId: 'a', progress: { ...tick, bytesDone: 1 } });
  store.getState().progressed({ jobId: 'a', progress: tick });
  store.getState().progressed({ jobId: 'unknown', progress: tick });
  assert.equal(updates, 0, 'ticks wait for the next flush');
  await new Promise((resolve) => setTimeout(resolve, PROGRESS_FLUSH_MS + 50));
  stop();
  assert.equal(updates, 1, 'two ticks, one store update');
  const s = store.getState();
  assert.equal(s.transfers, transfers);
  assert.equal(s.transferOrder, transferOrder);
  assert.equal(s.transferCounts, transferCounts);
  assert.deepEqual(s.transferProgress, { a: tick });
});

test('a start and an end are announced and kept in the bell; a failure assertively', async () => {
  const store = createSifportStore(fakeSifportApi({}));
  const { jobChanged, jobFinished } = store.getState();
  jobChanged(job('a'));
  jobChanged(job('a', { state: 'running' }));
  await settle();
  assert.equal(store.getState().announcements.polite, 'Push started: a.sif → lab.example › a:1');
  const failed = job('a', {
    state: 'failed',
    error: { code: 'DENIED', message: 'Push refused.', retryable: false },
  });
  jobChanged(failed);
  jobFinished(failed);
  await settle();
  const s = store.getState();
  assert.equal(s.announcements.assertive, 'Push failed: a.sif → lab.example › a:1. Push refused.');
  assert.deepEqual(
    s.notices.map((n) => [n.tone, n.jobId]),
    [
      ['danger', 'a'],
      ['info', 'a'],
    ],
    'the finished event after the change adds nothing',
  );
  assert.deepEqual(s.transferCounts, { all: 1, active: 0, queued: 0, failed: 1, done: 0 });
});

test('showing a row selects it and opens the drawer unless told not to', () => {
  const store = createSifportStore(fakeSifportApi({}));
  store.getState().selectTransfer('a', false);
  assert.equal(store.getState().frame.drawer, false);
  assert.equal(store.getState().selectedTransferId, 'a');
  store.getState().selectTransfer('b');
  assert.equal(store.getState().frame.drawer, true);
  assert.equal(store.getState().transferFocusCount, 2);
});

test('drawer actions call the host; a refusal is said in the bell', async () => {
  const host = fakeSifportApi({
    'transfer:cancel': () => ({ cancelled: true }),
    'transfer:retry': () => {
      throw new SifportCallError('USAGE', 'Only failed transfers can be retried.');
    },
  });
  const store = createSifportStore(host);
  await store.getState().actOnTransfer('a', 'cancel');
  await store.getState().actOnTransfer('a', 'retry');
  assert.deepEqual(
    host.calls.map((c) => [c.channel, c.request]),
    [
      ['transfer:cancel', { jobId: 'a' }],
      ['transfer:retry', { jobId: 'a' }],
    ],
  );
  assert.deepEqual(
    store.getState().notices.map((n) => [n.title, n.body]),
    [['Could not retry the transfer', 'Only failed transfers can be retried.']],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem, TransferView } from '../../store/domain.js';
import { aggregateOf } from './aggregate.js';
import { historyDocument, historyFileName } from './export-history.js';
import { failureAction } from './failure-action.js';
import { countTransfers, filterTransfers } from './transfer-counts.js';
import { bytesOf, percentOf, phaseText, progressText, transitionNotice } from './transfer-text.js';

const GiB = 1024 ** 3;
const job = (id: string, extra: Partial<TransferView> = {}): TransferView => ({
  id,
  kind: 'push',
  label: `${id}.sif → lab.example › genomics/${id}:1`,
  state: 'running',
  reference: `oras://lab.example/genomics/${id}:1`,
  source: `/data/${id}.sif`,
  createdAt: 0,
  attempts: 1,
  ...extra,
});
const progress = (done: number, total: number, rate = 0, eta?: number) => ({
  phase: 'uploading' as const,
  bytesDone: done,
  bytesTotal: total,
  rate,
  ...(eta === undefined ? {} : { etaSeconds: eta }),
});

test('progress reads "1.21 of 3.42 GiB · 38.4 MB/s · 58 s left", estimating while unknown', () => {
  assert.equal(
    progressText(progress(1.21 * GiB, 3.42 * GiB, 38.4e6, 58)),
    '1.21 of 3.42 GiB · 38.4 MB/s · 58 s left',
  );
  assert.equal(progressText(progress(0, 3.42 * GiB)), '0 B of 3.42 GiB · estimating…');
  assert.equal(bytesOf(5 * 1024 ** 2, GiB), '5.00 MiB of 1.00 GiB');
  assert.equal(percentOf(progress(1, 4)), 25);
  assert.equal(percentOf(progress(0, 0)), undefined);
});

test('phases in words, Done with what the engine said', () => {
  assert.equal(phaseText(job('a'), 'uploading'), 'Uploading');
  assert.equal(phaseText(job('a')), 'Starting');
  assert.equal(phaseText(job('a', { state: 'queued' })), 'Queued');
  assert.match(
    phaseText(job('a', { state: 'queued', nextRetryAt: Date.UTC(2026, 0, 1, 14, 5) })),
    /^Retrying at \d\d:\d\d$/,
  );
  assert.equal(
    phaseText(job('a', { state: 'done', result: { summary: 'SIF mounted from genomics/old' } })),
    'Done · SIF mounted from genomics/old',
  );
  assert.equal(phaseText(job('a', { state: 'interrupted' })), 'Interrupted');
});

test('starts and ends are announced once; failures with their reason', () => {
  const queued = job('a', { state: 'queued' });
  assert.deepEqual(transitionNotice(queued, job('a')), {
    text: 'Push started: a.sif → lab.example › genomics/a:1',
    tone: 'info',
  });
  assert.equal(transitionNotice(job('a'), job('a')), undefined, 'a second event of one state');
  const failed = job('a', {
    state: 'failed',
    error: { code: 'NETWORK', message: 'The registry closed the connection.', retryable: true },
  });
  assert.equal(
    transitionNotice(job('a'), failed)?.text,
    'Push failed: a.sif → lab.example › genomics/a:1. The registry closed the connection.',
  );
  assert.equal(transitionNotice(job('a'), failed)?.tone, 'danger');
  assert.equal(transitionNotice(undefined, queued), undefined, 'queued is not a start');
});

test('tabs count by state and filter by label or reference', () => {
  const jobs = {
    a: job('a'),
    b: job('b', { state: 'queued' }),
    c: job('c', { state: 'failed' }),
    d: job('d', { state: 'interrupted' }),
    e: job('e', { state: 'done' }),
    f: job('f', { state: 'cancelled', kind: 'pull' }),
  };
  const order = ['a', 'b', 'c', 'd', 'e', 'f'];
  assert.deepEqual(countTransfers(order, jobs), {
    counts: { all: 6, active: 1, queued: 1, failed: 2, done: 2 },
    running: ['a'],
  });
  assert.deepEqual(filterTransfers(order, jobs, 'failed', ''), ['c', 'd']);
  assert.deepEqual(filterTransfers(order, jobs, 'all', 'GENOMICS/E'), ['e']);
});

test('one action per failure code', () => {
  const failed = (code: string, extra: Partial<TransferView> = {}) =>
    job('a', {
      state: 'failed',
      error: { code: code as 'NETWORK', message: 'm', retryable: false },
      ...extra,
    });
  const clock = () => '14:05';
  const password: AccountItem = {
    id: 'p',
    provider: 'generic',
    registry: 'lab.example',
    username: 'u',
    secretKind: 'password',
    source: 'sifport',
    createdAt: 0,
  };
  const cloud = { ...password, id: 'c', secretKind: 'cloud-command' as const };
  assert.deepEqual(failureAction(failed('AUTH_REQUIRED'), [password], clock), {
    kind: 'login',
    label: 'Log in again',
    registry: 'lab.example',
  });
  assert.deepEqual(failureAction(failed('AUTH_REQUIRED'), [cloud], clock), {
    kind: 'renew',
    label: 'Renew the token',
    accountId: 'c',
  });
  const later = Date.now() + 60_000;
  assert.deepEqual(failureAction(failed('RATE_LIMITED', { nextRetryAt: later }), [], clock), {
    kind: 'retry',
    label: 'Retry at 14:05',
    at: later,
  });
  assert.equal(failureAction(failed('DIGEST_MISMATCH'), [], clock)?.kind, 'retry');
  assert.deepEqual(failureAction(failed('TLS'), [], clock), {
    kind: 'settings',
    label: 'CA settings',
    section: 'network',
  });
  const denied = failureAction(failed('DENIED'), [], clock);
  assert.match(denied?.kind === 'explain' ? denied.text : '', /write to genomics\/a/);
  assert.equal(failureAction(failed('NOT_A_SIF'), [], clock), undefined);
  assert.equal(failureAction(job('a', { state: 'interrupted' }), [], clock)?.kind, 'resume');
  assert.equal(failureAction(job('a', { state: 'done' }), [], clock), undefined);
});

test('the aggregate sums running jobs: ↑ for pushes and copies, ↓ for pulls', () => {
  const jobs = { a: job('a'), b: job('b', { kind: 'pull' }), c: job('c', { kind: 'copy' }) };
  const ticks = { a: progress(100, 400, 10, 30), b: progress(0, 100, 30, 4) };
  assert.deepEqual(aggregateOf(['a', 'b', 'c'], jobs, ticks, 4), {
    up: 2,
    down: 1,
    queued: 4,
    bytesDone: 100,
    bytesTotal: 500,
    rate: 40,
    etaSeconds: 10,
  });
  assert.equal(aggregateOf([], jobs, ticks, 0).etaSeconds, undefined);
  const early = { ...ticks, b: progress(0, 100, 30) };
  assert.equal(aggregateOf(['a', 'b'], jobs, early, 0).etaSeconds, undefined, 'b is estimating');
});

test('the exported history is the jobs as JSON, named by date', () => {
  const now = Date.UTC(2026, 11, 2, 14, 5);
  const doc = JSON.parse(historyDocument([job('a')], now)) as {
    exportedAt: string;
    jobs: unknown[];
  };
  assert.equal(doc.exportedAt, '2026-12-02T14:05:00.000Z');
  assert.equal(doc.jobs.length, 1);
  assert.match(historyFileName(now), /^sifport-transfers-2026-12-0\d-\d{4}\.json$/);
});

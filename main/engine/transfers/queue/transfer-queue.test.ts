import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { ManualClock } from '../../../../e2e/kit/manual-clock.js';
import { SifportError } from '../../errors.js';
import { FileJobHistory, MemoryJobHistory, type JobHistory } from './job-history.js';
import type { JobRecord, JobResult, JobSpec, RunContext } from './job.js';
import { DEFAULT_QUEUE_RETRY } from './retry-delay.js';
import { TransferQueue, type TransferQueueOptions } from './transfer-queue.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

/** One call of the fake runner, settled by the test. */
interface Call {
  readonly spec: JobSpec;
  readonly context: RunContext;
  resolve(result: JobResult): void;
  reject(err: unknown): void;
}

/** A runner whose runs end when the test says; an aborted run rejects with CANCELLED. */
class FakeRunner {
  readonly calls: Call[] = [];

  readonly run = (spec: JobSpec, context: RunContext): Promise<JobResult> =>
    new Promise((resolve, reject) => {
      this.calls.push({ spec, context, resolve, reject });
      context.signal.addEventListener('abort', () =>
        reject(new SifportError('CANCELLED', 'Cancelled.')),
      );
    });

  /** Calls for one job label, oldest first. */
  of(label: string): Call[] {
    return this.calls.filter((c) => c.spec.label === label);
  }

  last(label: string): Call {
    const calls = this.of(label);
    assert.ok(calls.length > 0, `${label} has run`);
    return calls[calls.length - 1]!;
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function pushSpec(label: string): JobSpec {
  return { kind: 'push', file: `/data/${label}.sif`, reference: `oras://r/x/${label}:1`, label };
}

interface Bed {
  readonly queue: TransferQueue;
  readonly runner: FakeRunner;
  readonly clock: ManualClock;
  readonly changes: JobRecord[];
  readonly settings: { concurrency: number; historySize: number };
}

function makeQueue(history: JobHistory, extra: Partial<TransferQueueOptions> = {}): Bed {
  const runner = new FakeRunner();
  const clock = new ManualClock();
  const changes: JobRecord[] = [];
  const settings = { concurrency: 2, historySize: 500 };
  let n = 0;
  const queue = new TransferQueue({
    run: runner.run,
    history,
    concurrency: () => settings.concurrency,
    historySize: () => settings.historySize,
    onChange: (r) => changes.push(r),
    clock,
    retry: { ...DEFAULT_QUEUE_RETRY, random: () => 0.5 },
    newId: () => `job-${++n}`,
    ...extra,
  });
  return { queue, runner, clock, changes, settings };
}

function stateOf(queue: TransferQueue, id: string): string | undefined {
  return queue.get(id)?.state;
}

describe('TransferQueue', () => {
  it('runs at most concurrency() jobs at once, oldest first, and fills new slots', async () => {
    const { queue, runner, settings } = makeQueue(new MemoryJobHistory());
    const ids = ['a', 'b', 'c', 'd', 'e'].map((l) => queue.enqueue(pushSpec(l)).id);
    await settle();
    assert.deepEqual(
      runner.calls.map((c) => c.spec.label),
      ['a', 'b'],
    );
    assert.deepEqual(
      queue.list().map((r) => r.state),
      ['queued', 'queued', 'queued', 'running', 'running'],
      'newest first',
    );
    runner.last('a').resolve({ digest: 'sha256:aa' });
    await settle();
    assert.equal(stateOf(queue, ids[0]!), 'done');
    assert.deepEqual(queue.get(ids[0]!)?.result, { digest: 'sha256:aa' });
    assert.deepEqual(
      runner.calls.map((c) => c.spec.label),
      ['a', 'b', 'c'],
    );
    settings.concurrency = 3;
    queue.settingsChanged();
    await settle();
    assert.deepEqual(
      runner.calls.map((c) => c.spec.label),
      ['a', 'b', 'c', 'd'],
    );
    assert.equal(queue.list().filter((r) => r.state === 'running').length, 3);
  });

  it('cancels a queued job without running it, and a running one through its signal', async () => {
    const { queue, runner, changes } = makeQueue(new MemoryJobHistory(), {});
    const a = queue.enqueue(pushSpec('a')).id;
    const b = queue.enqueue(pushSpec('b')).id;
    const c = queue.enqueue(pushSpec('c')).id;
    await settle();
    assert.equal(queue.cancel(c), true);
    assert.equal(stateOf(queue, c), 'cancelled');
    assert.equal(queue.cancel(c), false, 'nothing left to cancel');

    const signal = runner.last('a').context.signal;
    assert.equal(queue.cancel(a), true);
    assert.equal(signal.aborted, true);
    assert.equal(stateOf(queue, a), 'cancelled', 'shown cancelled at once');
    assert.equal(changes.at(-1)?.state, 'cancelled');
    await settle();
    assert.equal(stateOf(queue, a), 'cancelled', 'the runner’s CANCELLED does not turn it failed');
    assert.equal(queue.get(a)?.error, undefined);
    assert.equal(runner.of('c').length, 0, 'the cancelled queued job never ran');
    runner.last('b').resolve({});
    await settle();
    assert.equal(stateOf(queue, b), 'done');
  });

  it('keeps a cancelled job’s slot until its runner has stopped', async () => {
    const runner = new FakeRunner();
    let release!: () => void;
    const slow = (spec: JobSpec, context: RunContext): Promise<JobResult> =>
      spec.label === 'stubborn'
        ? new Promise((_, reject) => {
            release = () => reject(new SifportError('CANCELLED', 'Cancelled.'));
          })
        : runner.run(spec, context);
    const { queue } = makeQueue(new MemoryJobHistory(), { run: slow, concurrency: () => 1 });
    const id = queue.enqueue(pushSpec('stubborn')).id;
    queue.enqueue(pushSpec('next'));
    await settle();
    queue.cancel(id);
    await settle();
    assert.equal(runner.of('next').length, 0, 'still one runner busy cleaning up');
    release();
    await settle();
    assert.equal(runner.of('next').length, 1);
  });

  it('retries a retryable failure automatically after 2 s, 4 s, 8 s, showing when', async () => {
    const { queue, runner, clock } = makeQueue(new MemoryJobHistory());
    const id = queue.enqueue(pushSpec('flaky')).id;
    const start = clock.now();
    const network = new SifportError('NETWORK', 'Connection reset.', { retryable: true });
    await settle();
    let elapsed = 0;
    for (const [retry, wait] of [2000, 4000, 8000].entries()) {
      runner.last('flaky').reject(network);
      await settle();
      const waiting = queue.get(id)!;
      assert.equal(waiting.state, 'queued', 'waiting to retry');
      assert.equal(waiting.error?.code, 'NETWORK');
      assert.equal(waiting.nextRetryAt, start + elapsed + wait);
      clock.advance(wait - 1);
      await settle();
      assert.equal(runner.of('flaky').length, retry + 1, 'not before nextRetryAt');
      clock.advance(1);
      await settle();
      elapsed += wait;
      assert.equal(runner.of('flaky').length, retry + 2);
      assert.equal(queue.get(id)?.state, 'running');
      assert.equal(queue.get(id)?.nextRetryAt, undefined);
    }
    runner.last('flaky').reject(network);
    await settle();
    const failed = queue.get(id)!;
    assert.equal(failed.state, 'failed', 'three automatic retries, then it stops');
    assert.equal(failed.attempts, 4);
    assert.equal(clock.pending, 0);
  });

  it('does not retry a non-retryable failure by itself; retry(id) runs it again', async () => {
    const { queue, runner, clock } = makeQueue(new MemoryJobHistory());
    const id = queue.enqueue(pushSpec('denied')).id;
    await settle();
    runner.last('denied').reject(new SifportError('DENIED', 'No push right.'));
    await settle();
    assert.equal(queue.get(id)?.state, 'failed');
    assert.equal(queue.get(id)?.error?.code, 'DENIED');
    assert.equal(clock.pending, 0, 'no retry timer');
    clock.advance(60_000);
    await settle();
    assert.equal(runner.of('denied').length, 1);

    assert.equal(queue.retry(id), true);
    await settle();
    assert.equal(runner.of('denied').length, 2);
    assert.equal(runner.last('denied').context.resume, false);
    assert.equal(queue.get(id)?.state, 'running');
    assert.equal(queue.get(id)?.error, undefined);
    runner.last('denied').resolve({ digest: 'sha256:ok' });
    await settle();
    assert.equal(queue.get(id)?.state, 'done');
    assert.equal(queue.get(id)?.attempts, 2);
    assert.equal(queue.retry(id), false, 'a done job is not retried');
  });

  it('throttles progress announcements to ~10 a second and does not save on every tick', async () => {
    const history = new MemoryJobHistory();
    const { queue, runner, clock, changes } = makeQueue(history);
    const id = queue.enqueue(pushSpec('big')).id;
    await settle();
    await queue.flush();
    const savesBefore = history.saves;
    const { onProgress } = runner.last('big').context;
    const progressEvents = (): number =>
      changes.filter((r) => r.id === id && r.progress !== undefined).length;
    for (let ms = 0; ms < 1000; ms += 5) {
      onProgress({ phase: 'uploading', bytesDone: ms * 1000, bytesTotal: 10_000_000 });
      clock.advance(5);
    }
    assert.ok(progressEvents() >= 9 && progressEvents() <= 11, `${progressEvents()} in 1 s`);
    const last = queue.get(id)!.progress!;
    assert.equal(last.phase, 'uploading');
    assert.ok(Math.abs(last.rate - 1_000_000) < 1, `rate ${last.rate} B/s`);
    assert.equal(last.etaSeconds, undefined, 'estimating for the first 3 s');
    await settle();
    assert.equal(history.saves, savesBefore, 'no write for progress yet');
    clock.advance(5000);
    await queue.flush();
    assert.equal(history.saves, savesBefore + 1, 'one write for a burst of progress');

    onProgress({ phase: 'uploading', bytesDone: 6_000_000, bytesTotal: 10_000_000 });
    assert.ok(queue.get(id)!.progress!.etaSeconds! > 0, 'an ETA after 3 s');
    const before = changes.length;
    onProgress({ phase: 'uploading', bytesDone: 6_000_001, bytesTotal: 10_000_000 });
    runner.last('big').resolve({});
    await settle();
    assert.equal(changes.at(-1)?.state, 'done', 'a state change is announced at once');
    assert.equal(changes.length, before + 1, 'the pending progress tick was dropped');
  });

  it('caps the history at historySize() finished jobs, newest kept', async () => {
    const history = new MemoryJobHistory();
    const { queue, runner, settings } = makeQueue(history);
    settings.historySize = 3;
    for (const label of ['1', '2', '3', '4', '5']) {
      queue.enqueue(pushSpec(label));
      await settle();
      runner.last(label).resolve({});
      await settle();
    }
    assert.deepEqual(
      queue.list().map((r) => r.spec.label),
      ['5', '4', '3'],
    );
    await queue.flush();
    assert.deepEqual(
      (await history.load()).map((r) => r.spec.label),
      ['5', '4', '3'],
    );
    settings.historySize = 2;
    queue.settingsChanged();
    assert.equal(queue.list().length, 2);
    assert.equal(queue.clearFinished(), 2);
    assert.equal(queue.list().length, 0);
  });

  describe('across a restart (history file)', () => {
    const dir = suiteTempDir('sifport-queue-');

    it('lists finished jobs, shows queued and running ones interrupted, and resumes them', async () => {
      const file = join(dir.path, 'transfers.json');
      const warnings: string[] = [];
      const first = makeQueue(new FileJobHistory(file, (m) => warnings.push(m)));
      first.settings.concurrency = 1;
      const done = first.queue.enqueue(pushSpec('done')).id;
      await settle();
      first.runner.last('done').resolve({ digest: 'sha256:d' });
      await settle();
      const running = first.queue.enqueue({
        kind: 'pull',
        reference: 'oras://r/x/y:1',
        destination: '/tmp/y.sif',
        label: 'pulling',
      }).id;
      const queued = first.queue.enqueue(pushSpec('queued')).id;
      await settle();
      first.runner.last('pulling').context.onProgress({
        phase: 'downloading',
        bytesDone: 500,
        bytesTotal: 1000,
      });
      await first.queue.flush();
      // The app dies here: no close(). A new queue reads the same file.

      const second = makeQueue(new FileJobHistory(file, (m) => warnings.push(m)));
      await second.queue.restore();
      assert.deepEqual(
        second.queue.list().map((r) => [r.spec.label, r.state]),
        [
          ['queued', 'interrupted'],
          ['pulling', 'interrupted'],
          ['done', 'done'],
        ],
      );
      assert.equal(second.queue.get(done)?.result?.digest, 'sha256:d');
      assert.equal(second.queue.get(running)?.progress?.bytesDone, 500);
      assert.deepEqual(
        second.changes.map((r) => r.state),
        ['interrupted', 'interrupted'],
      );
      assert.equal(second.runner.calls.length, 0, 'nothing runs by itself after a restart');

      assert.equal(second.queue.resume(running), true);
      await settle();
      const call = second.runner.last('pulling');
      assert.equal(call.context.resume, true);
      assert.equal(call.spec.kind, 'pull');
      assert.equal(second.queue.get(running)?.attempts, 2);
      assert.equal(second.queue.cancel(queued), true, 'an interrupted job can be dismissed');

      await second.queue.close();
      assert.equal(call.context.signal.aborted, true);
      const third = makeQueue(new FileJobHistory(file, (m) => warnings.push(m)));
      await third.queue.restore();
      assert.equal(third.queue.get(running)?.state, 'interrupted', 'close() marks it interrupted');
      assert.equal(third.queue.get(queued)?.state, 'cancelled');
      await third.queue.close();
      assert.deepEqual(warnings, []);
    });
  });
});

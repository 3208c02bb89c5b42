import { randomUUID } from 'node:crypto';
import { SifportError, toSifportError } from '../../errors.js';
import { systemClock, type QueueClock } from './clock.js';
import { HistorySaver } from './history-saver.js';
import type { JobHistory } from './job-history.js';
import { keepNewest, isActive } from './job-list.js';
import type { JobRecord, JobResult, JobRunner, JobSpec } from './job.js';
import { LiveRun } from './live-run.js';
import { DEFAULT_QUEUE_RETRY, type QueueRetryPolicy } from './retry-delay.js';
import { RetrySchedule } from './retry-schedule.js';

/** What a {@link TransferQueue} is built from; every dependency is passed in (STYLE §11). */
export interface TransferQueueOptions {
  /** Runs one attempt of a job (`createJobRunner` in the app, a fake in tests). */
  readonly run: JobRunner;
  /** Where records are kept between runs of the app. */
  readonly history: JobHistory;
  /** Jobs that may run at once, read whenever a slot may be filled (the `concurrency` setting). */
  readonly concurrency: () => number;
  /** Finished jobs kept in the history (the `historySize` setting); active jobs are always kept. */
  readonly historySize: () => number;
  /**
   * Told of every change of a record: state changes at once, progress at most ~10 times a
   * second per job. Removals (`clearFinished`, the history cap) are not announced: read `list()`.
   */
  readonly onChange: (record: JobRecord) => void;
  readonly clock?: QueueClock | undefined;
  readonly retry?: QueueRetryPolicy | undefined;
  /** Makes job ids (default: random UUIDs). */
  readonly newId?: (() => string) | undefined;
  /** Told when the history cannot be written; without it `close()` rejects with that error. */
  readonly onWarning?: ((message: string) => void) | undefined;
}

/**
 * The transfers drawer's queue (UI.md S9, issue #11): push, pull and copy jobs run at most
 * `concurrency()` at a time, oldest first; a retryable failure is retried automatically
 * with back-off (the record waits `queued` with `nextRetryAt`), any failure can be retried
 * by hand, and every record is kept in the history (the newest `historySize()` finished
 * ones) so that after a restart jobs that were queued or running show `interrupted` and can
 * be resumed.
 */
export class TransferQueue {
  private records: JobRecord[] = [];
  private readonly live = new Map<string, LiveRun>();
  private readonly retries: RetrySchedule;
  /** Jobs whose next run continues an interrupted one (`resume: true`). */
  private readonly resuming = new Set<string>();
  private readonly clock: QueueClock;
  private readonly saver: HistorySaver;
  private saveError: unknown;
  private closed = false;

  constructor(private readonly options: TransferQueueOptions) {
    this.clock = options.clock ?? systemClock;
    this.retries = new RetrySchedule(this.clock, options.retry ?? DEFAULT_QUEUE_RETRY);
    this.saver = new HistorySaver(
      () => options.history.save(this.records),
      this.clock,
      (err) => {
        const message = `Cannot save the transfer history: ${toSifportError(err).message}`;
        if (options.onWarning) options.onWarning(message);
        else this.saveError ??= err;
      },
    );
  }

  /**
   * Loads the history. Records that were queued or running when the app last stopped become
   * `interrupted` (announced); call once, before or soon after the first `enqueue`.
   */
  async restore(): Promise<void> {
    const known = new Set(this.records.map((r) => r.id));
    const now = this.clock.now();
    const loaded = (await this.options.history.load()).filter((r) => !known.has(r.id));
    const restored = loaded.map((r) =>
      isActive(r)
        ? { ...r, state: 'interrupted' as const, endedAt: now, nextRetryAt: undefined }
        : r,
    );
    this.records = this.capped([...this.records, ...restored]);
    for (const [i, r] of restored.entries()) if (r !== loaded[i]) this.options.onChange(r);
    this.saver.now();
  }

  /** Adds a job (its spec copied as JSON); it starts when a slot is free. */
  enqueue(spec: JobSpec): JobRecord {
    if (this.closed) throw new SifportError('INTERNAL', 'The transfer queue is closed.');
    const record: JobRecord = {
      id: (this.options.newId ?? randomUUID)(),
      spec: JSON.parse(JSON.stringify(spec)) as JobSpec,
      state: 'queued',
      createdAt: this.clock.now(),
      attempts: 0,
    };
    this.records = this.capped([record, ...this.records]);
    this.changed(record);
    this.pump();
    return record;
  }

  /**
   * Cancels a queued, waiting or running job (its signal is aborted; the runner cleans up,
   * e.g. deletes its upload session). The record is `cancelled` at once; a running job keeps
   * its slot until the runner has stopped. False when there was nothing to cancel.
   */
  cancel(id: string): boolean {
    const record = this.get(id);
    if (!record || (!isActive(record) && record.state !== 'interrupted')) return false;
    this.retries.reset(id);
    this.resuming.delete(id);
    this.live.get(id)?.stop('cancel');
    this.update(id, { state: 'cancelled', endedAt: this.clock.now(), nextRetryAt: undefined });
    return true;
  }

  /**
   * Runs a failed, cancelled or interrupted job again from the start of a new round of
   * automatic retries; a job waiting to retry is retried now. False for other states.
   */
  retry(id: string): boolean {
    return this.requeue(id, false);
  }

  /**
   * Continues an interrupted (or failed, cancelled) job: it runs with `resume: true`, so a
   * pull picks up its partial file and a push skips what the registry already holds.
   */
  resume(id: string): boolean {
    return this.requeue(id, true);
  }

  /** Every record, newest first. */
  list(): readonly JobRecord[] {
    return this.records;
  }

  /** One record by id. */
  get(id: string): JobRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** Forgets done, failed and cancelled jobs (interrupted ones stay to be resumed); the count removed. */
  clearFinished(): number {
    const before = this.records.length;
    this.records = this.records.filter(
      (r) => isActive(r) || r.state === 'interrupted' || this.live.has(r.id),
    );
    if (this.records.length !== before) this.saver.now();
    return before - this.records.length;
  }

  /**
   * Call when the `concurrency` or `historySize` setting changed: fills the new slots and
   * applies the new cap at once instead of at the next job's end.
   */
  settingsChanged(): void {
    const before = this.records.length;
    this.records = this.capped(this.records);
    if (this.records.length !== before) this.saver.now();
    this.pump();
  }

  /** Resolves once the history file holds the current records (progress included). */
  async flush(): Promise<void> {
    await this.saver.flush();
  }

  /**
   * For quitting the app: stops starting jobs, aborts running ones and marks them and the
   * queued ones `interrupted`, waits for the runners to stop, and writes the history.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.retries.disarmAll();
    const now = this.clock.now();
    for (const record of this.records) {
      if (!isActive(record)) continue;
      this.live.get(record.id)?.stop('close');
      this.update(record.id, { state: 'interrupted', endedAt: now, nextRetryAt: undefined });
    }
    await Promise.all([...this.live.values()].map((run) => run.settled));
    await this.saver.flush();
    if (this.saveError !== undefined) throw this.saveError;
  }

  private requeue(id: string, resume: boolean): boolean {
    const record = this.get(id);
    if (this.closed || !record || this.live.has(id)) return false;
    const waiting = record.state === 'queued' && record.nextRetryAt !== undefined;
    if (!waiting && !['failed', 'cancelled', 'interrupted'].includes(record.state)) return false;
    this.retries.reset(id);
    if (resume) this.resuming.add(id);
    this.update(id, { state: 'queued', endedAt: undefined, nextRetryAt: undefined });
    this.pump();
    return true;
  }

  /** Starts queued jobs, oldest first, while slots are free. */
  private pump(): void {
    if (this.closed) return;
    const now = this.clock.now();
    for (let i = this.records.length - 1; i >= 0; i--) {
      if (this.live.size >= Math.max(1, this.options.concurrency())) return;
      const r = this.records[i]!;
      if (r.state === 'queued' && (r.nextRetryAt === undefined || r.nextRetryAt <= now)) {
        this.start(r);
      }
    }
  }

  private start(record: JobRecord): void {
    const id = record.id;
    const resume = this.resuming.delete(id);
    const attempts = record.attempts + 1;
    this.retries.started(id, attempts);
    const run = new LiveRun(
      this.clock,
      () => {
        const current = this.get(id);
        if (current) this.options.onChange(current);
      },
      (progress) => {
        if (this.live.get(id) !== run) return;
        this.replace(id, { progress });
        this.saver.soon();
      },
    );
    this.live.set(id, run);
    this.update(id, {
      state: 'running',
      attempts,
      startedAt: this.clock.now(),
      endedAt: undefined,
      nextRetryAt: undefined,
      error: undefined,
      result: undefined,
      progress: undefined,
    });
    const context = { signal: run.controller.signal, onProgress: run.report, resume };
    Promise.resolve()
      .then(() => this.options.run(record.spec, context))
      .then(
        (result) => this.succeeded(id, result),
        (err: unknown) => this.failed(id, run, err),
      )
      .finally(() => {
        run.end();
        this.live.delete(id);
        this.pump();
      });
  }

  /** A result counts even after a stop: what the runner finished is there. */
  private succeeded(id: string, result: JobResult): void {
    this.retries.reset(id);
    if (!this.get(id)) return;
    this.update(id, { state: 'done', endedAt: this.clock.now(), result, error: undefined });
  }

  private failed(id: string, run: LiveRun, err: unknown): void {
    const record = this.get(id);
    if (!record || run.stopped) {
      this.retries.reset(id);
      return; // already shown cancelled or interrupted
    }
    const error = toSifportError(err).toInfo();
    const now = this.clock.now();
    const wait = this.closed ? undefined : this.retries.delayAfter(id, record.attempts, error);
    if (wait !== undefined) {
      this.update(id, { state: 'queued', error, nextRetryAt: now + wait });
      this.retries.arm(id, wait, () => this.pump());
      return;
    }
    this.retries.reset(id);
    this.update(id, { state: 'failed', endedAt: now, error });
  }

  /** Replaces a record without announcing it (progress goes through the throttle). */
  private replace(id: string, patch: Partial<JobRecord>): JobRecord | undefined {
    const i = this.records.findIndex((r) => r.id === id);
    if (i < 0) return undefined;
    const next = { ...this.records[i]!, ...patch };
    for (const key of Object.keys(next) as (keyof JobRecord)[]) {
      if (next[key] === undefined) delete next[key];
    }
    this.records = this.records.with(i, next);
    return next;
  }

  /** A state change: replaced, announced at once, written to the history. */
  private update(id: string, patch: Partial<JobRecord>): void {
    const next = this.replace(id, patch);
    if (next) this.changed(next);
  }

  /** The history cap; running jobs (a cancelled one still stopping) are never dropped. */
  private capped(records: readonly JobRecord[]): JobRecord[] {
    return keepNewest(records, this.options.historySize(), (r) => this.live.has(r.id));
  }

  private changed(record: JobRecord): void {
    this.live.get(record.id)?.announced();
    if (!isActive(record)) this.records = this.capped(this.records);
    this.options.onChange(record);
    this.saver.now();
  }
}

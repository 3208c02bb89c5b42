import type { QueueClock } from './clock.js';
import type { JobProgress, RunnerProgress } from './job.js';
import { ProgressThrottle } from './progress-throttle.js';
import { RateWindow } from './rate-window.js';

/** Why a run was stopped from outside: the user cancelled it, or the queue closed. */
export type StopReason = 'cancel' | 'close';

/**
 * One attempt of a job in flight: its abort switch, why it was stopped, and its progress
 * plumbing (rate measured per attempt, announcements throttled per job). `settled`
 * resolves when the runner has returned, which is when its slot frees.
 */
export class LiveRun {
  readonly controller = new AbortController();
  /** Set once the run was stopped from outside; its outcome then no longer counts as a failure. */
  stopped: StopReason | undefined;
  readonly settled: Promise<void>;
  private readonly rate: RateWindow;
  private readonly throttle: ProgressThrottle;
  private settle!: () => void;

  /**
   * @param announce tells the queue's listener about the job's current record
   * @param record stores smoothed progress in the job's record (not announced)
   */
  constructor(
    clock: QueueClock,
    announce: () => void,
    private readonly record: (progress: JobProgress) => void,
  ) {
    this.rate = new RateWindow(() => clock.now());
    this.throttle = new ProgressThrottle(clock, announce);
    this.settled = new Promise<void>((resolve) => (this.settle = resolve));
  }

  /** The runner's `onProgress`: ignored once stopped. */
  readonly report = (progress: RunnerProgress): void => {
    if (this.stopped) return;
    this.record(this.rate.add(progress));
    this.throttle.tick();
  };

  /** Aborts the runner's signal. */
  stop(reason: StopReason): void {
    this.stopped ??= reason;
    this.throttle.cancel();
    this.controller.abort();
  }

  /** The job's record was just announced (a state change). */
  announced(): void {
    this.throttle.announced();
  }

  /** The runner returned. */
  end(): void {
    this.throttle.cancel();
    this.settle();
  }
}

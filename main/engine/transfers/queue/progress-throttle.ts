import type { QueueClock } from './clock.js';

/** Fewest milliseconds between two progress notifications of one job (~10 per second). */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Limits how often one job's progress is announced: a tick emits at once when the last
 * announcement is at least `intervalMs` old, otherwise once when the interval ends (so the
 * latest figures always arrive). State changes are announced by the caller at once and then
 * {@link ProgressThrottle.announced} restarts the interval and drops a pending tick.
 */
export class ProgressThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private pending: (() => void) | undefined;

  /**
   * @param emit announces the job's current record (read when called, so it is the latest)
   * @param intervalMs fewest milliseconds between announcements
   */
  constructor(
    private readonly clock: QueueClock,
    private readonly emit: () => void,
    private readonly intervalMs: number = PROGRESS_INTERVAL_MS,
  ) {}

  /** New progress figures are in the record. */
  tick(): void {
    if (this.pending) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.pending = this.clock.setTimer(() => {
      this.pending = undefined;
      this.fire();
    }, wait);
  }

  /** The caller just announced the record itself (a state change). */
  announced(): void {
    this.cancel();
    this.last = this.clock.now();
  }

  /** Drops a pending announcement (the job ended or the queue closed). */
  cancel(): void {
    this.pending?.();
    this.pending = undefined;
  }

  private fire(): void {
    this.last = this.clock.now();
    this.emit();
  }
}

import type { ErrorInfo } from '../../../../shared/error-codes.js';
import type { QueueClock } from './clock.js';
import { retryDelayMs, type QueueRetryPolicy } from './retry-delay.js';

/**
 * The queue's automatic retries: which attempt began each job's current round (a manual
 * retry or a resume starts a new one, with the full number of automatic retries), and the
 * timers that wake the queue when a waiting job may run again.
 */
export class RetrySchedule {
  private readonly roundStart = new Map<string, number>();
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly clock: QueueClock,
    private readonly policy: QueueRetryPolicy,
  ) {}

  /** Attempt number `attempt` (counting from 1 over the job's life) starts. */
  started(id: string, attempt: number): void {
    if (!this.roundStart.has(id)) this.roundStart.set(id, attempt);
  }

  /** The round is over (done, failed for good, stopped, or retried by hand). */
  reset(id: string): void {
    this.roundStart.delete(id);
    this.disarm(id);
  }

  /**
   * After attempt `attempt` failed with `error`: milliseconds until the next automatic
   * attempt, or undefined when the error is not retryable or the round's retries are used up.
   */
  delayAfter(id: string, attempt: number, error: ErrorInfo): number | undefined {
    const retries = attempt - (this.roundStart.get(id) ?? attempt);
    if (!error.retryable || retries >= this.policy.automaticRetries) return undefined;
    return retryDelayMs(this.policy, retries + 1, error, this.clock.now());
  }

  /** Calls `wake` after `ms` milliseconds (replacing the job's earlier timer). */
  arm(id: string, ms: number, wake: () => void): void {
    this.disarm(id);
    this.timers.set(
      id,
      this.clock.setTimer(() => {
        this.timers.delete(id);
        wake();
      }, ms),
    );
  }

  /** Drops the job's timer, if any. */
  disarm(id: string): void {
    this.timers.get(id)?.();
    this.timers.delete(id);
  }

  /** Drops every timer (the queue closes). */
  disarmAll(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }
}

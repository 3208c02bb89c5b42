import { setTimeout as sleep } from 'node:timers/promises';

/** How long {@link waitFor} waits, and what to name in its failure. */
export interface WaitForOptions {
  /** Give up after this many milliseconds (default 2000). */
  readonly timeoutMs?: number;
  /** Between checks, in milliseconds (default 5). */
  readonly intervalMs?: number;
  /**
   * What is awaited, for the failure message ("timed out after 2000 ms waiting for WHAT"); a
   * function is called only on failure, so it may describe the last state seen.
   */
  readonly what: string | (() => string);
}

/**
 * Polls `condition` until it returns true (or a promise of true) and fails with a clear message
 * after `timeoutMs`. Tests use it instead of fixed sleeps (CI is slow, and a sleep either
 * wastes time or is too short) and instead of open-ended loops (a condition that never holds
 * must fail the test, not hang it or let it carry on to a confusing assertion).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 2000, intervalMs = 5, what }: WaitForOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() >= deadline) {
      const described = typeof what === 'function' ? what() : what;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Time as the queue sees it: injected so retry back-off and progress throttling are tested
 * with a manual clock, never with real waits (two shared cores: no wall-clock asserts).
 */
export interface QueueClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once after `ms` milliseconds; the returned function cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** The real clock: `Date.now` and `setTimeout`. */
export const systemClock: QueueClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

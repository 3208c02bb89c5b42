import type { RetryPolicy } from '../../main/engine/registry/transport/retry.js';

/**
 * The one fast retry policy for tests: the production attempts (4) with back-offs of
 * 10–50 ms instead of 0.5–60 s, so tests that provoke retries (5xx, cut connections, 429)
 * stay quick while still exercising the retry path.
 */
export const FAST_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 10, maxDelayMs: 50 };

/**
 * One attempt only: for tests where any retry would hide what they check (the first answer
 * must be the one that counts) or would only slow down a failure.
 */
export const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 };

import type { ErrorInfo } from '../../../../shared/error-codes.js';
import { parseRetryAfter } from '../../registry/transport/retry.js';

/**
 * How a queue retries a job that failed with a retryable error (`SifportError.retryable`:
 * network, 5xx, 429), after the registry client's own quick retries gave up.
 */
export interface QueueRetryPolicy {
  /** Automatic retries after the first failure of a run, before the job is `failed`. */
  readonly automaticRetries: number;
  /** Wait before the first retry, in ms; doubles for each further one (±25 % jitter). */
  readonly baseDelayMs: number;
  /** Longest wait, in ms; also the cap for a registry's `Retry-After`. */
  readonly maxDelayMs: number;
  /** Uniform in [0, 1): the jitter's source (tests pass a constant). */
  readonly random: () => number;
}

/** Three automatic retries after 2 s, 4 s and 8 s (±25 %); `Retry-After` up to 10 min. */
export const DEFAULT_QUEUE_RETRY: QueueRetryPolicy = {
  automaticRetries: 3,
  baseDelayMs: 2000,
  maxDelayMs: 10 * 60_000,
  random: Math.random,
};

/**
 * Milliseconds to wait before automatic retry number `retry` (1 for the first): the
 * registry's `Retry-After` when the error carries one (a 429), else `base × 2^(retry-1)`
 * with ±25 % jitter so jobs that failed together do not return together.
 */
export function retryDelayMs(
  policy: QueueRetryPolicy,
  retry: number,
  error: ErrorInfo,
  now: number,
): number {
  const detail = error.detail as { retryAfter?: unknown } | undefined;
  const hinted =
    typeof detail?.retryAfter === 'string' ? parseRetryAfter(detail.retryAfter, now) : undefined;
  if (hinted !== undefined) return Math.min(hinted, policy.maxDelayMs);
  const base = policy.baseDelayMs * 2 ** (retry - 1);
  return Math.round(Math.min(policy.maxDelayMs, base * (0.75 + 0.5 * policy.random())));
}

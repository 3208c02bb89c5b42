import { setTimeout as delay } from 'node:timers/promises';
import { SifportError } from '../../errors.js';

/** How often and how patiently to retry (oras.md §3.9: 5xx/429/network, bounded). */
export interface RetryPolicy {
  /** Attempts in all, including the first. */
  readonly attempts: number;
  /** First back-off in milliseconds; doubles each time, with ±25 % jitter. */
  readonly baseDelayMs: number;
  /** Longest single wait, also the cap for `Retry-After`, in milliseconds. */
  readonly maxDelayMs: number;
  /**
   * Overall budget in milliseconds from the first attempt: no back-off starts that would
   * end past it (issue #10 item 8), so a dying registry fails in minutes, not in hours.
   */
  readonly budgetMs?: number | undefined;
  /** Waits; tests replace it to run without sleeping. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock for the budget; tests replace it. */
  readonly now?: () => number;
}

/** Default overall retry budget: give up after about 5 minutes of trying. */
export const DEFAULT_RETRY_BUDGET_MS = 300_000;

/** Defaults: 4 attempts, 0.5 s → 1 s → 2 s, `Retry-After` honoured up to 60 s, 5 min in all. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  budgetMs: DEFAULT_RETRY_BUDGET_MS,
};

/** True when a back-off of `wait` ms, started now, would end past the policy's budget. */
export function beyondBudget(policy: RetryPolicy, startedAt: number, wait: number): boolean {
  const now = (policy.now ?? Date.now)();
  return now - startedAt + wait > (policy.budgetMs ?? DEFAULT_RETRY_BUDGET_MS);
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date names its month; without that check V8's lenient Date.parse reads "1.5" or
  // "-1" as dates in 2001 and the caller would retry at once instead of backing off.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const when = Date.parse(trimmed);
  return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}

function retryAfterOf(err: SifportError): string | undefined {
  const detail = err.detail as { retryAfter?: unknown } | undefined;
  return typeof detail?.retryAfter === 'string' ? detail.retryAfter : undefined;
}

/** Delay before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number, err?: SifportError): number {
  const hinted = err ? parseRetryAfter(retryAfterOf(err)) : undefined;
  if (hinted !== undefined) return Math.min(hinted, policy.maxDelayMs);
  const base = policy.baseDelayMs * 2 ** (attempt - 1);
  const jitter = base * (Math.random() * 0.5 - 0.25);
  return Math.min(policy.maxDelayMs, Math.round(base + jitter));
}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal ? { signal } : undefined);

/**
 * Runs `operation` until it succeeds, fails with a non-retryable error, or the attempts
 * run out. Only {@link SifportError}s flagged `retryable` are retried.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  operation: (attempt: number) => Promise<T>,
  signal?: AbortSignal,
  onRetry?: (err: SifportError, delayMs: number) => void,
): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const startedAt = (policy.now ?? Date.now)();
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      if (!(err instanceof SifportError) || !err.retryable || attempt >= policy.attempts) throw err;
      if (signal?.aborted) throw new SifportError('CANCELLED', 'Cancelled.');
      const wait = backoffDelay(policy, attempt, err);
      if (beyondBudget(policy, startedAt, wait)) throw err;
      onRetry?.(err, wait);
      try {
        await sleep(wait, signal);
      } catch {
        throw new SifportError('CANCELLED', 'Cancelled.');
      }
    }
  }
}

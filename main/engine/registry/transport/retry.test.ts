import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SifportError } from '../../errors.js';
import { backoffDelay, parseRetryAfter, withRetry, type RetryPolicy } from './retry.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('parseRetryAfter (oras.md §3.9)', () => {
  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('0', NOW), 0);
    assert.equal(parseRetryAfter('7', NOW), 7000);
    assert.equal(parseRetryAfter(' 120 ', NOW), 120_000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    assert.equal(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', NOW), 30_000);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 11:59:00 GMT', NOW), 0);
  });

  it('returns undefined for missing or unparseable values', () => {
    for (const value of [undefined, '', 'soon', '1.5', '-1', '5s']) {
      assert.equal(parseRetryAfter(value, NOW), undefined, `value ${JSON.stringify(value)}`);
    }
  });
});

describe('backoffDelay', () => {
  const policy: RetryPolicy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles from the base with at most ±25 % jitter, capped at maxDelayMs', () => {
    for (let i = 0; i < 50; i++) {
      const first = backoffDelay(policy, 1);
      assert.ok(first >= 75 && first <= 125, `attempt 1 waited ${first}`);
      const third = backoffDelay(policy, 3);
      assert.ok(third >= 300 && third <= 500, `attempt 3 waited ${third}`);
      assert.ok(backoffDelay(policy, 10) <= 1000);
    }
  });

  it('honours Retry-After from the error detail, capped at maxDelayMs', () => {
    const err = (retryAfter: string): SifportError =>
      new SifportError('RATE_LIMITED', 'slow down', { retryable: true, detail: { retryAfter } });
    assert.equal(backoffDelay(policy, 1, err('0')), 0);
    assert.equal(backoffDelay(policy, 1, err('0.5x')) >= 75, true); // unparseable: normal back-off
    assert.equal(backoffDelay(policy, 1, err('30')), 1000);
  });
});

describe('withRetry', () => {
  const waits: number[] = [];
  const policy: RetryPolicy = {
    attempts: 3,
    baseDelayMs: 10,
    maxDelayMs: 50,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };

  it('retries retryable errors until success and reports each retry', async () => {
    waits.length = 0;
    const seen: number[] = [];
    const retried: string[] = [];
    const result = await withRetry(
      policy,
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw new SifportError('SERVER_ERROR', 'boom', { retryable: true });
        return 'ok';
      },
      undefined,
      (err) => retried.push(err.code),
    );
    assert.equal(result, 'ok');
    assert.deepEqual(seen, [1, 2, 3]);
    assert.deepEqual(retried, ['SERVER_ERROR', 'SERVER_ERROR']);
    assert.equal(waits.length, 2);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(policy, async () => {
        calls++;
        throw new SifportError('NETWORK', `fail ${calls}`, { retryable: true });
      }),
      /fail 3/,
    );
    assert.equal(calls, 3);
  });

  it('gives up once the retry budget would be spent, however many attempts remain (#10 item 8)', async () => {
    let clock = 0;
    let calls = 0;
    const budgeted: RetryPolicy = {
      attempts: 100,
      baseDelayMs: 1_000,
      maxDelayMs: 1_000,
      budgetMs: 5_500,
      now: () => clock,
      // Each failed attempt takes 1 s on the clock, as does each back-off.
      sleep: async (ms) => {
        clock += ms;
      },
    };
    await assert.rejects(
      withRetry(budgeted, async () => {
        calls++;
        clock += 1_000;
        throw new SifportError('NETWORK', `fail ${calls}`, { retryable: true });
      }),
      /fail 3/,
    );
    // 3 attempts and 2 back-offs fit in 5.5 s; a third back-off would not.
    assert.equal(calls, 3);
  });

  it('does not retry non-retryable or foreign errors', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(policy, async () => {
        calls++;
        throw new SifportError('DENIED', 'no');
      }),
      { code: 'DENIED' },
    );
    await assert.rejects(
      withRetry(policy, async () => {
        calls++;
        throw new TypeError('bug');
      }),
      TypeError,
    );
    assert.equal(calls, 2);
  });

  it('stops with CANCELLED when the signal is aborted between attempts', async () => {
    const controller = new AbortController();
    let calls = 0;
    await assert.rejects(
      withRetry(
        { attempts: 5, baseDelayMs: 10, maxDelayMs: 10 },
        async () => {
          calls++;
          controller.abort();
          throw new SifportError('NETWORK', 'x', { retryable: true });
        },
        controller.signal,
      ),
      { code: 'CANCELLED' },
    );
    assert.equal(calls, 1);
  });

  it('turns an abort during the back-off sleep into CANCELLED', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = withRetry(
      { attempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 },
      async () => {
        throw new SifportError('NETWORK', 'x', { retryable: true });
      },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, { code: 'CANCELLED' });
    assert.ok(Date.now() - started < 5000);
  });
});

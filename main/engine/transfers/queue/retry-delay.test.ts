import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_QUEUE_RETRY, retryDelayMs } from './retry-delay.js';

const network = { code: 'NETWORK', message: 'reset', retryable: true } as const;

describe('retryDelayMs', () => {
  it('doubles from 2 s with ±25 % jitter', () => {
    const at = (random: number, retry: number): number =>
      retryDelayMs({ ...DEFAULT_QUEUE_RETRY, random: () => random }, retry, network, 0);
    assert.deepEqual(
      [1, 2, 3].map((n) => at(0.5, n)),
      [2000, 4000, 8000],
    );
    assert.equal(at(0, 1), 1500);
    assert.equal(at(0.999999, 1), 2500);
  });

  it('follows a Retry-After the registry sent, up to the cap', () => {
    const policy = { ...DEFAULT_QUEUE_RETRY, random: () => 0.5 };
    const limited = (retryAfter: string) => ({
      code: 'RATE_LIMITED' as const,
      message: 'slow down',
      retryable: true,
      detail: { retryAfter },
    });
    assert.equal(retryDelayMs(policy, 1, limited('30'), 0), 30_000);
    assert.equal(retryDelayMs(policy, 1, limited('86400'), 0), DEFAULT_QUEUE_RETRY.maxDelayMs);
  });
});

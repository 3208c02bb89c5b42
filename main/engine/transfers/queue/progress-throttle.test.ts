import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ManualClock } from '../../../../e2e/kit/manual-clock.js';
import { ProgressThrottle } from './progress-throttle.js';

describe('ProgressThrottle', () => {
  it('announces at once, then at most once per interval, always with the latest', () => {
    const clock = new ManualClock();
    let value = 0;
    const seen: number[] = [];
    const throttle = new ProgressThrottle(clock, () => seen.push(value), 100);
    value = 1;
    throttle.tick();
    value = 2;
    throttle.tick();
    value = 3;
    throttle.tick();
    assert.deepEqual(seen, [1]);
    clock.advance(100);
    assert.deepEqual(seen, [1, 3], 'the trailing announcement carries the latest value');
    throttle.announced();
    value = 4;
    throttle.tick();
    throttle.cancel();
    clock.advance(1000);
    assert.deepEqual(seen, [1, 3], 'cancelled');
  });
});

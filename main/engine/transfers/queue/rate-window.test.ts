import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ManualClock } from '../../../../e2e/kit/manual-clock.js';
import { RateWindow } from './rate-window.js';

describe('RateWindow', () => {
  it('measures bytes per second over the last 5 s and estimates after 3 s', () => {
    const clock = new ManualClock();
    const window = new RateWindow(() => clock.now());
    const report = (bytesDone: number) =>
      window.add({ phase: 'downloading', bytesDone, bytesTotal: 100_000_000 });
    assert.equal(report(0).rate, 0);
    let last = report(0);
    for (let s = 1; s <= 4; s++) {
      clock.advance(1000);
      last = report(s * 1_000_000);
    }
    assert.equal(last.rate, 1_000_000);
    assert.equal(last.etaSeconds, 96);
    for (let s = 5; s <= 12; s++) {
      clock.advance(1000);
      last = report(4_000_000 + (s - 4) * 4_000_000); // 4 MB/s from now on
    }
    assert.ok(Math.abs(last.rate - 4_000_000) < 1, `only the last 5 s count: ${last.rate}`);
    const next = window.add({ phase: 'verifying', bytesDone: 0, bytesTotal: 100 });
    assert.equal(next.rate, 0, 'a new phase starts a new window');
    assert.equal(next.etaSeconds, undefined);
  });
});

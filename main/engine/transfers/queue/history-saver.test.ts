import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ManualClock } from '../../../../e2e/kit/manual-clock.js';
import { HistorySaver } from './history-saver.js';

describe('HistorySaver', () => {
  it('folds requests made during a write into one more write; progress waits', async () => {
    const clock = new ManualClock();
    let writes = 0;
    let release!: () => void;
    const saver = new HistorySaver(
      () => {
        writes++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      clock,
      (err) => assert.fail(String(err)),
      5000,
    );
    saver.now();
    saver.now();
    saver.now();
    assert.equal(writes, 1);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(writes, 2, 'one more for the requests made meanwhile');
    release();
    await saver.flush();
    saver.soon();
    saver.soon();
    assert.equal(writes, 2, 'progress waits');
    clock.advance(5000);
    assert.equal(writes, 3);
    release();
    await saver.flush();
    assert.equal(writes, 3);
  });
});

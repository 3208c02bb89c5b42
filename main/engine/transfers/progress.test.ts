import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ProgressMeter, type TransferProgress } from './progress.js';

/** A meter on a hand-driven clock, and everything it reported. */
function meter(total: number): {
  m: ProgressMeter;
  reports: TransferProgress[];
  tick: (ms: number) => void;
} {
  let now = 1_000_000;
  const reports: TransferProgress[] = [];
  const m = new ProgressMeter(
    total,
    (p) => reports.push(p),
    () => now,
  );
  return { m, reports, tick: (ms) => void (now += ms) };
}

describe('ProgressMeter (STYLE §12)', () => {
  it('reports every phase change at once, with the bytes given', () => {
    const { m, reports } = meter(100);
    m.setPhase('checking');
    m.setPhase('hashing');
    m.setPhase('uploading', 40);
    assert.deepEqual(
      reports.map((r) => [r.phase, r.bytesDone, r.bytesTotal]),
      [
        ['checking', 0, 100],
        ['hashing', 0, 100],
        ['uploading', 40, 100],
      ],
    );
  });

  it('reports byte updates at most every 100 ms', () => {
    const { m, reports, tick } = meter(1000);
    m.setPhase('uploading');
    for (let i = 1; i <= 30; i++) {
      tick(10); // 300 ms in all, in 10 ms steps
      m.update(i * 10);
    }
    const updates = reports.slice(1);
    assert.deepEqual(
      updates.map((r) => r.bytesDone),
      [100, 200, 300],
    );
  });

  it('computes the rate over the recent window and the ETA from it', () => {
    const { m, reports, tick } = meter(10_000);
    m.setPhase('downloading');
    for (let i = 1; i <= 10; i++) {
      tick(200);
      m.update(i * 100); // 100 bytes per 200 ms = 500 B/s
    }
    const last = reports.at(-1)!;
    assert.equal(last.bytesDone, 1000);
    assert.ok(Math.abs(last.rate - 500) < 1e-9, `rate ${last.rate}`);
    assert.ok(Math.abs(last.etaSeconds! - 18) < 1e-9, `eta ${last.etaSeconds}`); // 9000 B at 500 B/s
  });

  it('forgets old samples, so the rate follows a change of speed', () => {
    const { m, reports, tick } = meter(1_000_000);
    m.setPhase('uploading');
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      tick(200);
      bytes += 100; // 500 B/s for 4 s
      m.update(bytes);
    }
    for (let i = 0; i < 20; i++) {
      tick(200);
      bytes += 1000; // then 5000 B/s for 4 s
      m.update(bytes);
    }
    const rate = reports.at(-1)!.rate;
    assert.ok(rate > 4500 && rate <= 5000, `rate after the speed-up: ${rate}`);
  });

  it('has no ETA before anything moved, and none at rate 0', () => {
    const { m, reports, tick } = meter(500);
    m.setPhase('uploading', 0);
    assert.equal(reports[0]!.etaSeconds, undefined);
    assert.equal(reports[0]!.rate, 0);
    tick(500);
    m.update(0);
    assert.equal(reports.at(-1)!.etaSeconds, undefined);
  });

  it('restarts the rate window on a phase change (a resume does not count old bytes)', () => {
    const { m, reports, tick } = meter(10_000);
    m.setPhase('hashing');
    tick(100);
    m.update(9000); // hashing is fast
    m.setPhase('uploading', 0);
    tick(1000);
    m.update(100);
    const last = reports.at(-1)!;
    assert.equal(last.phase, 'uploading');
    assert.ok(Math.abs(last.rate - 100) < 1e-9, `rate ${last.rate}`);
  });

  it('does nothing without a listener', () => {
    const m = new ProgressMeter(10, undefined);
    assert.doesNotThrow(() => {
      m.setPhase('uploading');
      m.update(5);
    });
  });
});

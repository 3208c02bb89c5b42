import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TransferProgress } from '../engine/transfers/progress.js';
import { formatBytes, formatEta, ProgressBar, renderProgressLine } from './progress-bar.js';

const report = (
  bytesDone: number,
  phase: TransferProgress['phase'] = 'uploading',
): TransferProgress => ({
  phase,
  bytesDone,
  bytesTotal: 4 * 1024 * 1024,
  rate: 1024 * 1024,
  etaSeconds: 3,
});

test('formats sizes, rates and ETAs', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(3 * 1024 ** 3), '3.0 GiB');
  assert.equal(formatEta(undefined), '--:--');
  assert.equal(formatEta(65), '1:05');
  assert.equal(formatEta(3723), '1:02:03');
});

test('a line shows phase, bar, percentage, bytes, speed and ETA within the width', () => {
  const line = renderProgressLine(report(1024 * 1024), 80);
  assert.match(line, /^uploading +\[#+-+\] +25% +1\.0 MiB \/ 4\.0 MiB +1\.0 MiB\/s +ETA 0:03$/);
  assert.ok(line.length < 80);
  assert.ok(renderProgressLine(report(0), 30).length < 30);
});

test('redraws at most every 100 ms except on phase changes, and clears the line', () => {
  const writes: string[] = [];
  let now = 1000;
  const bar = new ProgressBar({ write: (t) => writes.push(t) }, 80, () => now);
  bar.update(report(1));
  now += 50;
  bar.update(report(2));
  assert.equal(writes.length, 1);
  bar.update(report(3, 'finishing'));
  assert.equal(writes.length, 2);
  now += 100;
  bar.update(report(4, 'finishing'));
  assert.equal(writes.length, 3);
  assert.ok(writes.every((w) => w.startsWith('\r') && w.endsWith('\x1b[K')));
  bar.update(report(5, 'done'));
  assert.equal(writes.at(-1), '\r\x1b[K');
  bar.clear();
  assert.equal(writes.length, 4);
});

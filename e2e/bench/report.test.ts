import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  formatNumber,
  median,
  megabytesPerSecond,
  pairedRatios,
  renderTable,
  target,
} from './report.js';

test('median takes the middle value, or the mean of the two middle ones', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.throws(() => median([]));
});

test('throughput is in MB/s of 10^6 bytes', () => {
  assert.equal(megabytesPerSecond(2_000_000, 2), 1);
  assert.equal(megabytesPerSecond(1, 0), 0);
});

test('paired ratios compare each round with its own ceiling', () => {
  assert.deepEqual(pairedRatios([2, 3], [4, 3]), [0.5, 1]);
});

test('targets compare in the stated direction', () => {
  assert.equal(target('ratio', 0.9, '>=', 0.9).pass, true);
  assert.equal(target('ratio', 0.89, '>=', 0.9).pass, false);
  assert.equal(target('rss', 150, '<', 150, 'MiB').pass, false);
  assert.equal(target('rss', 149.9, '<', 150, 'MiB').pass, true);
});

test('the table aligns columns and marks targets', () => {
  const table = renderTable([
    { label: 'push', value: '150.0 MB/s', detail: '3 runs' },
    { label: 'push / ceiling', value: '0.95', target: target('x', 0.95, '>=', 0.9) },
    { label: 'peak RSS', value: '200 MiB', target: target('y', 200, '<', 150, 'MiB') },
  ]);
  const lines = table.split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[3]!, /push \/ ceiling\s+0\.95\s+>= 0\.90\s+PASS/);
  assert.match(lines[4]!, /peak RSS\s+200 MiB\s+< 150\.0 MiB\s+FAIL/);
  assert.equal(formatNumber(1234.4), '1234');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  comparisonRatio,
  comparisonRows,
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

test('a comparison: both speeds, the ratio of medians, and each round with its own ceiling', () => {
  const c = { sifport: [2, 4, 1], curl: [2, 2, 2] };
  assert.equal(comparisonRatio(4_000_000, c), 1);
  const judged = comparisonRows(4_000_000, c, ['ours', 'curl', 'ratio'], target('r', 1, '>=', 0.8));
  assert.deepEqual(
    judged.map((r) => [r.label, r.value, r.detail]),
    [
      ['ours', '2.00 MB/s', 'runs 2.00 / 4.00 / 1.00 s'],
      ['curl', '2.00 MB/s', 'runs 2.00 / 2.00 / 2.00 s'],
      ['ratio', '1.00', 'ratio of medians; per round 1.00 / 0.50 / 2.00 (median 1.00)'],
    ],
  );
  assert.equal(judged[2]!.target?.pass, true);
  const info = comparisonRows(4_000_000, c, ['ours', 'curl', 'ratio']);
  assert.equal(info[2]!.detail, 'information only; per round 1.00 / 0.50 / 2.00');
  assert.equal(info[2]!.target, undefined);
});

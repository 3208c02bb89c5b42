import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatBytes,
  formatCount,
  formatEta,
  formatExactBytes,
  formatRate,
  formatRelative,
  shortDigest,
} from './format.js';

test('sizes in IEC by default, SI on request, exact bytes with separators', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1024), '1.00 KiB');
  assert.equal(formatBytes(3.42 * 1024 ** 3), '3.42 GiB');
  assert.equal(formatBytes(150 * 1024 ** 2), '150 MiB');
  assert.equal(formatBytes(1_500_000, 'si'), '1.50 MB');
  assert.equal(formatBytes(-1), '—');
  assert.equal(formatExactBytes(3_672_000_123), '3,672,000,123 bytes');
});

test('rates and ETAs read as the drawer says them', () => {
  assert.equal(formatRate(38_400_000), '38.4 MB/s');
  assert.equal(formatRate(0), '—');
  assert.equal(formatEta(undefined), 'estimating…');
  assert.equal(formatEta(58.4), '58 s left');
  assert.equal(formatEta(240), '4 min left');
  assert.equal(formatEta(72 * 60), '1 h 12 min left');
});

test('relative times, digests and counts', () => {
  const now = Date.UTC(2026, 11, 2, 12);
  assert.equal(formatRelative(now - 3 * 86_400_000, now), '3 days ago');
  assert.equal(formatRelative(now + 8 * 60_000, now), 'in 8 minutes');
  assert.equal(formatRelative(now - 10_000, now), '10 seconds ago');
  assert.equal(shortDigest(`sha256:${'ab12'.repeat(16)}`), 'sha256:ab12ab12ab12');
  assert.equal(formatCount(10000), '10,000');
});

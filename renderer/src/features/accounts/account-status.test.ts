import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem } from '../../store/domain.js';
import { accountLabel, accountStatus, durationWords } from './account-status.js';

const NOW = 1_800_000_000_000;
const base: AccountItem = {
  id: 'generic-1',
  provider: 'generic',
  registry: '127.0.0.1:5000',
  username: 'tester',
  secretKind: 'password',
  source: 'sifport',
  createdAt: NOW - 3_600_000,
};
const caps = {
  checkedAt: NOW - 120_000,
  authScheme: 'basic',
  pull: true,
  catalog: true as const,
  referrers: false as const,
  chunkedUpload: true as const,
  tagDelete: 'unknown' as const,
};

test('durations are coarse: minutes, hours, days', () => {
  assert.equal(durationWords(8 * 60_000), '8 min');
  assert.equal(durationWords(20_000), '1 min');
  assert.equal(durationWords(3 * 3_600_000), '3 h');
  assert.equal(durationWords(72 * 3_600_000), '3 d');
});

test('an account is not tested, ok, failed or testing, in that order of precedence', () => {
  assert.equal(accountStatus(base, undefined, NOW).label, 'not tested');
  const ok = accountStatus({ ...base, capabilities: caps }, undefined, NOW);
  assert.deepEqual([ok.tone, ok.label], ['success', 'ok']);
  assert.match(ok.detail, /2 min ago/);
  const failed = accountStatus(
    { ...base, capabilities: caps },
    { status: 'failed', error: { code: 'AUTH_REQUIRED', message: 'rejected' } },
    NOW,
  );
  assert.deepEqual([failed.tone, failed.label, failed.detail], ['danger', 'failed', 'rejected']);
  assert.equal(accountStatus(base, { status: 'testing' }, NOW).label, 'testing…');
});

test('a cloud token shows its expiry, warns in its last 15 minutes, then says expired', () => {
  const cloud: AccountItem = {
    ...base,
    secretKind: 'cloud-command',
    tokenMintedAt: NOW - 7_200_000,
  };
  assert.equal(accountStatus(cloud, undefined, NOW).label, 'no token yet');
  const fresh = accountStatus({ ...cloud, tokenExpiresAt: NOW + 58 * 60_000 }, undefined, NOW);
  assert.deepEqual([fresh.tone, fresh.label], ['success', 'expires in 58 min']);
  const soon = accountStatus({ ...cloud, tokenExpiresAt: NOW + 8 * 60_000 }, undefined, NOW);
  assert.deepEqual([soon.tone, soon.label], ['warning', 'expires in 8 min']);
  const gone = accountStatus({ ...cloud, tokenExpiresAt: NOW - 1 }, undefined, NOW);
  assert.deepEqual([gone.tone, gone.label], ['warning', 'expired']);
});

test('labels name the user, or anonymous, and the namespace', () => {
  assert.equal(accountLabel(base), 'tester @ 127.0.0.1:5000');
  assert.equal(
    accountLabel({ ...base, username: '', secretKind: 'none', namespace: 'lab' }),
    'anonymous @ 127.0.0.1:5000/lab',
  );
});

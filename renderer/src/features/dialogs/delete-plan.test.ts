import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem, ProviderItem } from '../../store/domain.js';
import {
  confirmationWord,
  deleteGroups,
  deleteRefusal,
  digestReference,
  type DeleteDryRun,
} from './delete-plan.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const REPO = 'oras://reg.example:5000/genomics/bwa';
const ok = (tag: string, digest: string, tags: string[]): DeleteDryRun => ({
  reference: `${REPO}:${tag}`,
  ok: true,
  digest,
  tags,
});

test('references on one digest make one delete, naming the tags that go too', () => {
  const groups = deleteGroups([
    ok('0.7.18', D1, ['latest', '0.7.18', 'stable']),
    ok('stable', D1, ['latest', '0.7.18', 'stable']),
    ok('0.7.17', D2, ['0.7.17']),
  ]);
  assert.equal(groups.length, 2);
  assert.deepEqual(groups[0]?.tags, ['0.7.18', 'latest', 'stable']);
  assert.deepEqual(groups[0]?.chosen, ['0.7.18', 'stable']);
  assert.deepEqual(groups[0]?.siblings, ['latest']);
  assert.deepEqual(groups[1]?.siblings, []);
  assert.equal(digestReference(groups[1]!), `${REPO}@${D2}`);
});

test('typing the repository is asked when other tags vanish or more than 10 go', () => {
  assert.equal(confirmationWord(deleteGroups([ok('0.7.17', D2, ['0.7.17'])])), undefined);
  assert.equal(
    confirmationWord(deleteGroups([ok('0.7.18', D1, ['0.7.18', 'latest'])])),
    'genomics/bwa',
  );
  const many = Array.from({ length: 11 }, (_, i) => `v${i}`);
  assert.equal(confirmationWord(deleteGroups(many.map((t) => ok(t, D1, many)))), 'genomics/bwa');
});

test('a registry that cannot delete says why before anything is tried', () => {
  const account = {
    registry: 'reg.example:5000',
    username: 'tester',
    capabilities: { tagDelete: false },
  } as AccountItem;
  assert.match(deleteRefusal(account, undefined, []) ?? '', /refuses deletes for tester/);
  const hub = {
    name: 'Docker Hub',
    quirks: { tagDelete: false, notes: [] },
  } as unknown as ProviderItem;
  assert.match(deleteRefusal(undefined, hub, []) ?? '', /Docker Hub does not delete/);
  const denied: DeleteDryRun = {
    reference: `${REPO}:x`,
    ok: false,
    error: { code: 'DENIED', message: 'denied: no delete rights', retryable: false },
  };
  assert.equal(deleteRefusal(undefined, undefined, [denied]), 'denied: no delete rights');
  assert.equal(deleteRefusal(undefined, undefined, [ok('a', D1, ['a'])]), undefined);
});

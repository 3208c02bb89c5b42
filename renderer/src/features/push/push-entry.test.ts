import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem } from '../../store/domain.js';
import {
  blockingReason,
  factsText,
  newEntry,
  startAccount,
  withFacts,
  type PushEntry,
} from './push-entry.js';
import { estimatedSeconds, tokenShortfall } from './token-estimate.js';

const account = (id: string, registry: string, extra: Partial<AccountItem> = {}): AccountItem => ({
  id,
  provider: 'generic',
  registry,
  username: 'tester',
  secretKind: 'password',
  source: 'sifport',
  createdAt: 0,
  ...extra,
});
const lab = account('a', 'lab.example', { namespace: 'genomics' });
const other = account('b', 'other.example');
const context = { accounts: [lab, other], providers: [], lists: {} };
const facts = {
  ok: true as const,
  size: 3_000_000,
  version: '01',
  arch: 'amd64',
  signatures: 0,
  encrypted: false,
  labels: { 'org.opencontainers.image.version': '2.0' },
};
const ready = (entry: PushEntry, status: 'free' | 'exists' = 'free'): PushEntry => {
  const reference = `oras://lab.example/${entry.target.repository}:${entry.target.tag}`;
  return {
    ...withFacts(entry, facts),
    tagState:
      status === 'free'
        ? { status, reference }
        : { status, reference, digest: `sha256:${'a'.repeat(64)}` },
  };
};

test('the start account: the drop target, then the last pushed-to registry, then the first', () => {
  assert.equal(startAccount([lab, other], { accountId: 'b' }, []), other);
  assert.equal(startAccount([lab, other], { registry: 'other.example' }, []), other);
  assert.equal(startAccount([lab, other], undefined, ['other.example']), other);
  assert.equal(startAccount([lab, other], undefined, []), lab);
  assert.equal(startAccount([], undefined, []), undefined);
});

test('a new entry takes repository and tag from the file name, in the account namespace', () => {
  const entry = newEntry('k', { name: 'bwa_0.7.18.sif', size: 1 }, lab, undefined);
  assert.deepEqual(entry.target, { accountId: 'a', repository: 'genomics/bwa', tag: '0.7.18' });
  assert.equal(entry.tagSettled, true);
  const dropped = newEntry('k', { name: 'x.sif', size: 1 }, lab, { repository: 'tools/x' });
  assert.deepEqual(dropped.target, { accountId: 'a', repository: 'tools/x', tag: 'latest' });
  assert.equal(withFacts(dropped, facts).target.tag, '2.0', 'the version label replaces latest');
  assert.equal(withFacts(entry, facts).target.tag, '0.7.18', 'a tag from the name stays');
  assert.equal(withFacts(entry, facts).file.size, 3_000_000);
});

test('Push waits for every check and says what is missing', () => {
  const entry = newEntry('k', { name: 'bwa_1.sif', size: 1 }, lab, undefined);
  assert.equal(blockingReason([], context), 'Add a SIF file to push.');
  assert.equal(blockingReason([entry], context), 'Checking bwa_1.sif…');
  assert.equal(
    blockingReason([withFacts(entry, { ok: false, why: 'no magic' })], context),
    'Remove bwa_1.sif: it is not a SIF.',
  );
  assert.equal(blockingReason([withFacts(entry, facts)], context), 'Checking whether 1 exists…');
  assert.equal(blockingReason([ready(entry)], context), undefined);
  const taken = ready(entry, 'exists');
  assert.match(blockingReason([taken], context)!, /^1 exists in genomics\/bwa: choose Overwrite/);
  assert.equal(blockingReason([{ ...taken, overwrite: true }], context), undefined);
  const bad = { ...ready(entry), target: { ...entry.target, tag: '-x' } };
  assert.match(blockingReason([bad], context)!, /A tag starts with/);
  const twin = { ...ready(entry), key: 'k2', file: { name: 'again.sif', size: 1 } };
  assert.match(blockingReason([ready(entry), twin], context)!, /^Two files would go to/);
});

test('what the file list says of a file', () => {
  const entry = newEntry('k', { name: 'a.sif', size: 1 }, lab, undefined);
  assert.equal(factsText(entry), 'checking…');
  assert.equal(factsText(withFacts(entry, facts)), 'SIF 01 · amd64 · unsigned');
  assert.equal(
    factsText(withFacts(entry, { ...facts, signatures: 2, encrypted: true })),
    'SIF 01 · amd64 · signed (2) · encrypted',
  );
  assert.equal(factsText(withFacts(entry, { ok: false, why: 'x' })), 'not a SIF — x');
});

test('a cloud token shorter than the push at 20 MB/s is reported', () => {
  const now = 1_000_000;
  const cloud = account('c', 'ecr.example', {
    secretKind: 'cloud-command',
    tokenExpiresAt: now + 60_000,
  });
  assert.equal(estimatedSeconds(2e9), 100);
  assert.equal(tokenShortfall(cloud, 2e9, now), 60);
  assert.equal(tokenShortfall(cloud, 1e9, now), undefined);
  assert.equal(tokenShortfall(lab, 1e12, now), undefined, 'a stored password does not expire');
});

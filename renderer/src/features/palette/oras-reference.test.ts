import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem } from '../../store/domain.js';
import { accountForReference, parseTypedReference } from './oras-reference.js';

test('oras:// references are recognised with tag or digest, and a bare host/repo only with a host', () => {
  assert.deepEqual(parseTypedReference('  oras://Registry.Example:5000/lab/bwa:0.7.18 '), {
    reference: 'oras://registry.example:5000/lab/bwa:0.7.18',
    registry: 'registry.example:5000',
    repository: 'lab/bwa',
    tag: '0.7.18',
  });
  const digest = `sha256:${'a'.repeat(64)}`;
  assert.equal(parseTypedReference(`oras://ghcr.io/x/y@${digest}`)?.digest, digest);
  assert.equal(parseTypedReference('oras://ghcr.io/x/y')?.tag, undefined);
  assert.equal(parseTypedReference('127.0.0.1:5001/genomics/bwa:1')?.registry, '127.0.0.1:5001');
  assert.equal(parseTypedReference('localhost/a')?.repository, 'a');
  assert.equal(parseTypedReference('genomics/bwa'), undefined);
  assert.equal(parseTypedReference('oras://ghcr.io/Upper/case'), undefined);
  assert.equal(parseTypedReference('push a sif'), undefined);
  assert.equal(parseTypedReference('oras://'), undefined);
});

const account = (id: string, registry: string, namespace?: string): AccountItem =>
  ({
    id,
    registry,
    username: 'u',
    provider: 'generic',
    ...(namespace ? { namespace } : {}),
  }) as AccountItem;

test('the account for a reference: host first, then the namespace that holds the repository', () => {
  const accounts = [
    account('hub', 'index.docker.io'),
    account('wide', 'ghcr.io'),
    account('lab', 'ghcr.io', 'lab'),
    account('deep', 'ghcr.io', 'lab/genomics'),
  ];
  const pick = (registry: string, repository: string) =>
    accountForReference(accounts, { registry, repository })?.id;
  assert.equal(pick('ghcr.io', 'lab/genomics/bwa'), 'deep');
  assert.equal(pick('ghcr.io', 'lab/tools'), 'lab');
  assert.equal(pick('ghcr.io', 'laboratory/x'), 'wide');
  assert.equal(pick('docker.io', 'library/alpine'), 'hub');
  assert.equal(pick('quay.io', 'x/y'), undefined);
  assert.equal(
    accountForReference([account('only', 'ghcr.io', 'lab')], {
      registry: 'ghcr.io',
      repository: 'other/x',
    }),
    undefined,
  );
});

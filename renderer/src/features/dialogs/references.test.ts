import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem } from '../../store/domain.js';
import { accountFor, pullFileName, refParts, repositoryRef, shortRef } from './references.js';

const DIGEST = `sha256:${'ab12'.repeat(16)}`;

test('references split into registry, repository, tag and digest', () => {
  assert.deepEqual(refParts('oras://127.0.0.1:5000/genomics/bwa:0.7.18'), {
    registry: '127.0.0.1:5000',
    repository: 'genomics/bwa',
    tag: '0.7.18',
  });
  assert.deepEqual(refParts(`oras://ghcr.io/a/b@${DIGEST}`), {
    registry: 'ghcr.io',
    repository: 'a/b',
    digest: DIGEST,
  });
  assert.equal(refParts('not a reference'), undefined);
  const parts = refParts('oras://h/genomics/bwa:0.7.18')!;
  assert.equal(repositoryRef(parts), 'oras://h/genomics/bwa');
  assert.equal(shortRef(parts), 'genomics/bwa:0.7.18');
  assert.equal(shortRef(refParts(`oras://h/a@${DIGEST}`)!), 'a@sha256:ab12ab12ab12');
});

test('pulls are named {repo}_{tag}.sif', () => {
  assert.equal(pullFileName(refParts('oras://h/genomics/bwa:0.7.18')!), 'bwa_0.7.18.sif');
  assert.equal(pullFileName(refParts('oras://h/bwa')!), 'bwa_latest.sif');
  assert.equal(pullFileName(refParts(`oras://h/bwa@${DIGEST}`)!), 'bwa_ab12ab12ab12.sif');
});

test('the account scoped to the longest namespace answers for a repository', () => {
  const account = (id: string, registry: string, namespace?: string) =>
    ({ id, registry, namespace }) as AccountItem;
  const accounts = [account('wide', 'h'), account('lab', 'h', 'genomics'), account('other', 'x')];
  assert.equal(accountFor(accounts, { registry: 'h', repository: 'genomics/bwa' })?.id, 'lab');
  assert.equal(accountFor(accounts, { registry: 'h', repository: 'genomicsx/a' })?.id, 'wide');
  assert.equal(accountFor(accounts, { registry: 'y', repository: 'a' }), undefined);
});

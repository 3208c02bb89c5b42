import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pullFileName, repositoryRef, shortRef } from './references.js';
import { parseTypedReference } from '../palette/oras-reference.js';

const DIGEST = `sha256:${'ab12'.repeat(16)}`;

test('references show as repo:tag or repo@digest, and name their repository', () => {
  const parts = parseTypedReference('oras://h.example/genomics/bwa:0.7.18')!;
  assert.equal(repositoryRef(parts), 'oras://h.example/genomics/bwa');
  assert.equal(shortRef(parts), 'genomics/bwa:0.7.18');
  assert.equal(
    shortRef(parseTypedReference(`oras://h.example/a@${DIGEST}`)!),
    'a@sha256:ab12ab12ab12',
  );
  assert.equal(parseTypedReference('not a reference'), undefined);
});

test('pulls are named {repo}_{tag}.sif', () => {
  assert.equal(
    pullFileName(parseTypedReference('oras://h.example/genomics/bwa:0.7.18')!),
    'bwa_0.7.18.sif',
  );
  assert.equal(pullFileName(parseTypedReference('oras://h.example/bwa')!), 'bwa_latest.sif');
  assert.equal(
    pullFileName(parseTypedReference(`oras://h.example/bwa@${DIGEST}`)!),
    'bwa_ab12ab12ab12.sif',
  );
});

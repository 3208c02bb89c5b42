import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRepositoryName } from './repository-name.js';

const ok = (repository: string) => ({ ok: true, repository });

test('a typed name, or a pasted reference on this registry, gives the repository', () => {
  assert.deepEqual(parseRepositoryName(' genomics/bwa ', 'r.example'), ok('genomics/bwa'));
  assert.deepEqual(
    parseRepositoryName('oras://r.example/genomics/bwa:0.7.18', 'r.example'),
    ok('genomics/bwa'),
  );
  assert.deepEqual(
    parseRepositoryName('127.0.0.1:5000/lab/tool@sha256:ab', '127.0.0.1:5000'),
    ok('lab/tool'),
  );
  assert.deepEqual(parseRepositoryName('lab/a.b-c__d', 'r.example'), ok('lab/a.b-c__d'));
});

test('names outside the OCI grammar, another host or the namespace are refused with why', () => {
  const problem = (input: string, namespace?: string) => {
    const result = parseRepositoryName(input, 'r.example', namespace);
    return result.ok ? '' : result.problem;
  };
  assert.match(problem(''), /Type the repository/);
  assert.match(problem('Genomics/BWA'), /"Genomics" is not a repository name/);
  assert.match(problem('a//b'), /"" is not a repository name/);
  assert.match(problem('ghcr.io/x/y'), /on ghcr\.io, not on r\.example/);
  assert.match(problem('other/tool', 'team'), /under team\//);
  assert.deepEqual(parseRepositoryName('team/tool', 'r.example', 'team'), ok('team/tool'));
});

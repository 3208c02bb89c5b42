import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTypedRepository } from './typed-repository.js';

describe('parseTypedRepository', () => {
  test('a full oras:// reference names its registry and tag', () => {
    assert.deepEqual(parseTypedRepository('oras://127.0.0.1:5000/lab/bwa:0.7.18', 'x.io'), {
      registry: '127.0.0.1:5000',
      repository: 'lab/bwa',
      tag: '0.7.18',
    });
  });

  test('HOST/REPO without the scheme, and a bare path on the chosen registry', () => {
    assert.deepEqual(parseTypedRepository('ghcr.io/org/tool', undefined), {
      registry: 'ghcr.io',
      repository: 'org/tool',
    });
    assert.deepEqual(parseTypedRepository(' genomics/bwa ', 'reg.example'), {
      registry: 'reg.example',
      repository: 'genomics/bwa',
    });
  });

  test('a digest is ignored: the repository opens', () => {
    const typed = parseTypedRepository('reg.example/a/b@sha256:abc', undefined);
    assert.deepEqual(typed, { registry: 'reg.example', repository: 'a/b' });
  });

  test('says why it cannot open', () => {
    assert.match(
      (parseTypedRepository('bwa', undefined) as { error: string }).error,
      /Choose an account/,
    );
    assert.match(
      (parseTypedRepository('Genomics/BWA', 'r.io') as { error: string }).error,
      /not a repository name/,
    );
    assert.match(
      (parseTypedRepository('', 'r.io') as { error: string }).error,
      /Type a repository/,
    );
  });
});

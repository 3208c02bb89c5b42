import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterRepositories, listProblem, rememberedRepositories } from './repository-problem.js';

const err = (code: string) => ({ code, message: code });
const caps = (catalog: boolean | 'unknown') => ({
  capabilities: {
    checkedAt: 1,
    authScheme: 'bearer',
    pull: true,
    catalog,
    referrers: 'unknown' as const,
    chunkedUpload: true as const,
    tagDelete: 'unknown' as const,
  },
});

test('each failure of the listing leads to the state that answers it', () => {
  const catalogRegistry = { listing: 'catalog' as const };
  assert.equal(listProblem(err('DENIED'), {}, catalogRegistry), 'catalog');
  assert.equal(listProblem(err('AUTH_REQUIRED'), {}, catalogRegistry), 'auth');
  assert.equal(listProblem(err('AUTH_REQUIRED'), caps(false), catalogRegistry), 'catalog');
  assert.equal(listProblem(err('AUTH_REQUIRED'), caps(true), catalogRegistry), 'auth');
  assert.equal(listProblem(err('AUTH_REQUIRED'), {}, { listing: 'vendor-api' }), 'catalog');
  assert.equal(listProblem(err('TLS'), {}, catalogRegistry), 'network');
  assert.equal(listProblem(err('NETWORK'), {}, undefined), 'network');
  assert.equal(listProblem(err('TOO_LARGE'), {}, undefined), 'other');
});

test('remembered repositories: pinned first, no repeats; the filter ignores case', () => {
  assert.deepEqual(rememberedRepositories(['a', 'b'], ['b', 'c']), ['a', 'b', 'c']);
  assert.deepEqual(rememberedRepositories(undefined, undefined), []);
  assert.deepEqual(filterRepositories(['Lab/BWA', 'lab/samtools'], ' bwa'), ['Lab/BWA']);
  const all = ['x'];
  assert.equal(filterRepositories(all, ''), all);
});

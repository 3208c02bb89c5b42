import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CATALOG_SCOPE,
  deleteScope,
  mergeScopes,
  pullScope,
  pushScope,
  scopeStrings,
  scopesCover,
} from './scopes.js';

describe('scopes (oras.md §4.4)', () => {
  it('builds pull, push, delete and catalog scopes', () => {
    assert.equal(pullScope('a/b'), 'repository:a/b:pull');
    assert.equal(pushScope('a/b'), 'repository:a/b:pull,push');
    assert.equal(deleteScope('a/b'), 'repository:a/b:pull,delete');
    assert.equal(CATALOG_SCOPE, 'registry:catalog:*');
  });

  it('merges actions of one repository into one scope string', () => {
    const merged = mergeScopes(pullScope('x'), pushScope('x'), 'repository:x:pull');
    assert.deepEqual(scopeStrings(merged), ['repository:x:pull,push']);
  });

  it('keeps different repositories apart and sorts the output', () => {
    const merged = mergeScopes(pushScope('zeta'), pullScope('alpha'), CATALOG_SCOPE);
    assert.deepEqual(scopeStrings(merged), [
      'registry:catalog:*',
      'repository:alpha:pull',
      'repository:zeta:pull,push',
    ]);
  });

  it('splits space-separated lists (a challenge scope) and ignores undefined and junk', () => {
    const merged = mergeScopes(
      'repository:a:pull repository:b:push',
      undefined,
      '',
      'nonsense',
      'repository:a:push',
    );
    assert.deepEqual(scopeStrings(merged), ['repository:a:pull,push', 'repository:b:push']);
  });

  it('splits at the first and the last colon, so names may hold host:port', () => {
    const merged = mergeScopes(
      'repository:127.0.0.1:5000/x:pull',
      'repository:127.0.0.1:5000/x:push',
    );
    assert.deepEqual(scopeStrings(merged), ['repository:127.0.0.1:5000/x:pull,push']);
  });

  it('keeps a resource class such as repository(plugin)', () => {
    assert.deepEqual(scopeStrings(mergeScopes('repository(plugin):p:pull')), [
      'repository(plugin):p:pull',
    ]);
  });

  it('scopesCover: every wanted action must be held; * covers all', () => {
    const held = mergeScopes(pushScope('a'), 'registry:catalog:*');
    assert.equal(scopesCover(held, mergeScopes(pullScope('a'))), true);
    assert.equal(scopesCover(held, mergeScopes(pushScope('a'))), true);
    assert.equal(scopesCover(held, mergeScopes(deleteScope('a'))), false);
    assert.equal(scopesCover(held, mergeScopes(pullScope('b'))), false);
    assert.equal(scopesCover(held, mergeScopes('registry:catalog:list')), true);
    assert.equal(scopesCover(held, mergeScopes()), true);
  });
});

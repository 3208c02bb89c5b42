import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextSort, sortRows } from './sort-rows.js';

describe('sortRows', () => {
  test('sorts numbers inside text numerically and ignores case', () => {
    const tags = ['build-10', 'build-2', 'Build-1', 'build-100', 'alpha'];
    assert.deepEqual(
      sortRows(tags, (t) => t, 'ascending'),
      ['alpha', 'Build-1', 'build-2', 'build-10', 'build-100'],
    );
    assert.deepEqual(
      sortRows(tags, (t) => t, 'descending'),
      ['build-100', 'build-10', 'build-2', 'Build-1', 'alpha'],
    );
  });

  test('keeps unknown values last in both directions and ties in input order', () => {
    const rows = [
      { tag: 'a', size: undefined },
      { tag: 'b', size: 5 },
      { tag: 'c', size: 1 },
      { tag: 'd', size: 5 },
      { tag: 'e', size: undefined },
    ];
    const up = sortRows(rows, (r) => r.size, 'ascending').map((r) => r.tag);
    const down = sortRows(rows, (r) => r.size, 'descending').map((r) => r.tag);
    assert.deepEqual(up, ['c', 'b', 'd', 'a', 'e']);
    assert.deepEqual(down, ['b', 'd', 'c', 'a', 'e']);
  });

  test('reads each value once, not once per comparison', () => {
    let reads = 0;
    const rows = Array.from({ length: 500 }, (_, i) => (i * 37) % 500);
    sortRows(rows, (r) => (reads++, r), 'ascending');
    assert.equal(reads, 500);
  });

  test('does not change its input', () => {
    const rows = ['b', 'a'];
    sortRows(rows, (r) => r, 'ascending');
    assert.deepEqual(rows, ['b', 'a']);
  });
});

describe('nextSort', () => {
  test('a new column starts ascending, the same column flips', () => {
    assert.deepEqual(nextSort(undefined, 'tag'), { column: 'tag', direction: 'ascending' });
    const up = nextSort({ column: 'size', direction: 'descending' }, 'tag');
    assert.deepEqual(up, { column: 'tag', direction: 'ascending' });
    assert.deepEqual(nextSort(up, 'tag'), { column: 'tag', direction: 'descending' });
  });
});

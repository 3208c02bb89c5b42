import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clearSelection,
  EMPTY_SELECTION,
  focusKey,
  keepShown,
  selectAll,
  selectOnly,
  selectRange,
  toggleKey,
  type Selection,
} from './selection.js';

const ORDER = ['a', 'b', 'c', 'd', 'e'];
const keys = (s: Selection) => [...s.selected].sort();

describe('selection model', () => {
  test('a click selects one row and anchors there', () => {
    const s = selectOnly('c');
    assert.deepEqual(keys(s), ['c']);
    assert.equal(s.anchor, 'c');
    assert.equal(s.focused, 'c');
  });

  test('Shift extends from the anchor both ways, replacing the last range', () => {
    let s = selectOnly('c');
    s = selectRange(s, ORDER, 'e');
    assert.deepEqual(keys(s), ['c', 'd', 'e']);
    s = selectRange(s, ORDER, 'a');
    assert.deepEqual(keys(s), ['a', 'b', 'c']);
    assert.equal(s.anchor, 'c');
    assert.equal(s.focused, 'a');
  });

  test('Ctrl toggles rows in and out; Ctrl+Shift adds a range', () => {
    let s = toggleKey(selectOnly('a'), 'c');
    assert.deepEqual(keys(s), ['a', 'c']);
    s = toggleKey(s, 'a');
    assert.deepEqual(keys(s), ['c']);
    s = selectRange(toggleKey(s, 'a'), ORDER, 'b', true);
    assert.deepEqual(keys(s), ['a', 'b', 'c']);
  });

  test('a range without an anchor starts at the row itself', () => {
    assert.deepEqual(keys(selectRange(EMPTY_SELECTION, ORDER, 'd')), ['d']);
    const stale = { selected: new Set<string>(), anchor: 'gone' };
    assert.deepEqual(keys(selectRange(stale, ORDER, 'b')), ['b']);
  });

  test('select all takes the shown rows; clear keeps the focus', () => {
    const s = selectAll(selectOnly('b'), ['b', 'd']);
    assert.deepEqual(keys(s), ['b', 'd']);
    const cleared = clearSelection(s);
    assert.equal(cleared.selected.size, 0);
    assert.equal(cleared.focused, 'b');
  });

  test('moving the focus alone leaves the selection', () => {
    const s = focusKey(selectOnly('a'), 'e');
    assert.deepEqual(keys(s), ['a']);
    assert.equal(s.focused, 'e');
  });

  test('after a filter only shown rows stay selected and focused', () => {
    const s = selectRange(selectOnly('a'), ORDER, 'c');
    const kept = keepShown(s, ['b', 'c', 'e']);
    assert.deepEqual(keys(kept), ['b', 'c']);
    assert.equal(kept.anchor, undefined);
    assert.equal(kept.focused, 'c');
    assert.equal(keepShown(kept, ['b', 'c']), kept, 'unchanged selection is the same object');
  });
});

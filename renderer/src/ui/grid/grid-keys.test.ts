import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gridIntent, type GridKey } from './grid-keys.js';

const press = (key: string, mods: Partial<GridKey> = {}): GridKey => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('gridIntent', () => {
  test('arrows, pages and ends move and select, clamped to the rows', () => {
    const moves: [key: string, from: number, to: number][] = [
      ['ArrowDown', 3, 4],
      ['ArrowDown', 9, 9],
      ['ArrowUp', 0, 0],
      ['PageDown', 7, 9],
      ['PageUp', 7, 2],
      ['End', 0, 9],
      ['Home', 5, 0],
    ];
    for (const [key, from, to] of moves) {
      assert.deepEqual(
        gridIntent(press(key), from, 10, 5),
        { kind: 'move', to, mode: 'select' },
        key,
      );
    }
  });

  test('without a focused row any move starts at the first', () => {
    assert.deepEqual(gridIntent(press('End'), -1, 10, 5), { kind: 'move', to: 0, mode: 'select' });
  });

  test('Shift extends, Ctrl (Cmd on macOS) moves the focus only', () => {
    assert.equal(gridIntent(press('ArrowDown', { shiftKey: true }), 1, 10, 5)?.kind, 'move');
    assert.deepEqual(gridIntent(press('ArrowDown', { shiftKey: true }), 1, 10, 5), {
      kind: 'move',
      to: 2,
      mode: 'extend',
    });
    assert.deepEqual(gridIntent(press('ArrowDown', { ctrlKey: true }), 1, 10, 5), {
      kind: 'move',
      to: 2,
      mode: 'focus',
    });
    assert.deepEqual(gridIntent(press('ArrowDown', { metaKey: true }), 1, 10, 5, true), {
      kind: 'move',
      to: 2,
      mode: 'focus',
    });
  });

  test('Space, Enter, Escape, Ctrl+A', () => {
    assert.deepEqual(gridIntent(press(' '), 1, 10, 5), { kind: 'toggle' });
    assert.deepEqual(gridIntent(press('Enter'), 1, 10, 5), { kind: 'open' });
    assert.deepEqual(gridIntent(press('Escape'), 1, 10, 5), { kind: 'clear' });
    assert.deepEqual(gridIntent(press('a', { ctrlKey: true }), 1, 10, 5), { kind: 'select-all' });
    assert.deepEqual(gridIntent(press('a', { metaKey: true }), 1, 10, 5, true), {
      kind: 'select-all',
    });
  });

  test('Ctrl+C copies, Delete (⌘⌫ on macOS) deletes', () => {
    assert.deepEqual(gridIntent(press('c', { ctrlKey: true }), 1, 10, 5), { kind: 'copy' });
    assert.deepEqual(gridIntent(press('Delete'), 1, 10, 5), { kind: 'delete' });
    assert.deepEqual(gridIntent(press('Backspace', { metaKey: true }), 1, 10, 5, true), {
      kind: 'delete',
    });
    assert.equal(gridIntent(press('Backspace'), 1, 10, 5), undefined);
  });

  test('letters are typeahead; shortcuts and other keys are left alone', () => {
    assert.deepEqual(gridIntent(press('b'), 1, 10, 5), { kind: 'typeahead', char: 'b' });
    assert.deepEqual(gridIntent(press('7'), 1, 10, 5), { kind: 'typeahead', char: '7' });
    assert.equal(gridIntent(press('?', { shiftKey: true }), 1, 10, 5), undefined);
    assert.equal(gridIntent(press('c', { ctrlKey: true, shiftKey: true }), 1, 10, 5), undefined);
    assert.equal(gridIntent(press('ArrowLeft', { altKey: true }), 1, 10, 5), undefined);
    assert.equal(gridIntent(press('Tab'), 1, 10, 5), undefined);
    assert.equal(gridIntent(press('ArrowDown'), 0, 0, 5), undefined);
  });
});

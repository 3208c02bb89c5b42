import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeKeys, keysFor, matchBinding, type KeyPress } from './keymap.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const pc = { typing: false, mac: false };

test('Ctrl bindings match on Linux and Windows, Cmd on macOS', () => {
  assert.equal(matchBinding(press('o', { ctrlKey: true }), pc), 'push');
  assert.equal(matchBinding(press('O', { ctrlKey: true, shiftKey: true }), pc), 'inspect');
  assert.equal(
    matchBinding(press('k', { metaKey: true }), { typing: false, mac: true }),
    'palette',
  );
  assert.equal(
    matchBinding(press('k', { ctrlKey: true }), { typing: false, mac: true }),
    undefined,
  );
  assert.equal(matchBinding(press('\\', { ctrlKey: true }), pc), 'split');
  assert.equal(matchBinding(press('ArrowLeft', { altKey: true }), pc), 'back');
  assert.equal(matchBinding(press('F5'), pc), 'refresh');
});

test('a single-key binding is ignored while typing; "?" works with its Shift', () => {
  assert.equal(matchBinding(press('?', { shiftKey: true }), pc), 'shortcuts');
  assert.equal(
    matchBinding(press('?', { shiftKey: true }), { typing: true, mac: false }),
    undefined,
  );
  assert.equal(matchBinding(press('f', { ctrlKey: true }), { typing: true, mac: false }), 'filter');
  assert.equal(matchBinding(press('o'), pc), undefined);
});

test('Alt+arrows go back and forward, except in a macOS text field (word moves)', () => {
  const alt = press('ArrowLeft', { altKey: true });
  assert.equal(matchBinding(alt, { typing: true, mac: false }), 'back');
  assert.equal(matchBinding(alt, { typing: false, mac: true }), 'back');
  assert.equal(matchBinding(alt, { typing: true, mac: true }), undefined);
});

test('keys are written as each platform writes them', () => {
  assert.equal(describeKeys(keysFor('inspect')!, false), 'Ctrl+Shift+O');
  assert.equal(describeKeys(keysFor('inspect')!, true), '⌘⇧O');
  assert.equal(describeKeys('Alt+ArrowLeft', false), 'Alt+←');
  assert.equal(describeKeys('Shift+ArrowDown', true), '⇧↓');
  assert.equal(describeKeys('Mod+Backspace', true), '⌘⌫');
  assert.equal(describeKeys('Mod+,', false), 'Ctrl+,');
});

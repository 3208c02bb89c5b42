import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BINDINGS } from '../../ui/keymap.js';
import { shortcutGroups as groupsWith } from './shortcut-groups.js';

/** The command table's labels for the commands the tests look at. */
const LABELS: Record<string, string> = {
  palette: 'Search or run a command…',
  refresh: 'Refresh',
};
const shortcutGroups = (mac: boolean) => groupsWith(mac, (id) => LABELS[id]);

test('the shortcut sheet lists every binding of the keymap, none under "Other"', () => {
  const groups = shortcutGroups(false);
  const listed = new Set(groups.flatMap((g) => g.rows.flatMap((r) => r.keys)));
  for (const binding of BINDINGS) {
    const keys = binding.command.startsWith('account-') ? 'Mod+1…9' : binding.keys;
    assert.ok(listed.has(keys), `${binding.keys} (${binding.command}) is missing`);
  }
  assert.equal(
    groups.find((g) => g.title === 'Other'),
    undefined,
  );
  assert.deepEqual(
    groups.map((g) => g.title),
    ['General', 'Navigation', 'Layout', 'Transfers', 'Selection', 'Dialogs'],
  );
});

test('a command with several bindings is one row with each of them; labels come from the commands', () => {
  const general = shortcutGroups(false).find((g) => g.title === 'General')!;
  const palette = general.rows.find((r) => r.keys.includes('Mod+K'))!;
  assert.deepEqual(palette.keys, ['Mod+K', 'Mod+Shift+P', 'F1']);
  assert.equal(palette.label, 'Search or run a command…');
  const refresh = general.rows.find((r) => r.keys.includes('F5'))!;
  assert.deepEqual(refresh.keys, ['F5', 'Mod+R']);
});

test('Delete is ⌘⌫ on macOS', () => {
  const rows = (mac: boolean) => shortcutGroups(mac).find((g) => g.title === 'Selection')!.rows;
  assert.ok(rows(false).some((r) => r.keys.includes('Delete')));
  assert.ok(rows(true).some((r) => r.keys.includes('Mod+Backspace')));
});

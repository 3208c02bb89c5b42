import { BINDINGS, type Binding } from '../../ui/keymap.js';

/** One line of the shortcut sheet: what it does and each way to press it. */
export interface ShortcutRow {
  readonly label: string;
  /** Key combinations in `ui/keymap.ts` terms ("Mod+Shift+P"), any of which works. */
  readonly keys: readonly string[];
}

/** A titled group of the shortcut sheet. */
export interface ShortcutGroup {
  readonly title: string;
  readonly rows: readonly ShortcutRow[];
}

/** Where each command of the keymap is listed; a command missing here fails the unit test. */
const GROUP_OF: Readonly<Record<string, string>> = {
  palette: 'General',
  shortcuts: 'General',
  settings: 'General',
  refresh: 'General',
  filter: 'General',
  back: 'Navigation',
  forward: 'Navigation',
  'next-landmark': 'Navigation',
  account: 'Navigation',
  'toggle-sidebar': 'Layout',
  'toggle-drawer': 'Layout',
  'toggle-details': 'Layout',
  split: 'Layout',
  push: 'Transfers',
  inspect: 'Transfers',
  'copy-pull-command': 'Selection',
};

/**
 * Keys of the grid, tree and dialogs (UI.md §4): handled by those components rather than
 * the window's keymap, listed so the sheet shows every key. `mac` swaps Delete for ⌘⌫.
 */
function componentRows(mac: boolean): Record<string, ShortcutRow[]> {
  return {
    Selection: [
      {
        label: 'Move in a list, grid or tree',
        keys: ['ArrowUp ArrowDown', 'Home End', 'PgUp PgDn'],
      },
      { label: 'Jump to a row by typing its first letters', keys: ['a…z'] },
      { label: 'Select or unselect the row', keys: ['Space'] },
      { label: 'Extend the selection', keys: ['Shift+ArrowUp', 'Shift+ArrowDown'] },
      { label: 'Select all shown', keys: ['Mod+A'] },
      { label: 'Open the row', keys: ['Enter'] },
      { label: 'Delete…', keys: [mac ? 'Mod+Backspace' : 'Delete'] },
      { label: 'Copy the reference', keys: ['Mod+C'] },
    ],
    Dialogs: [
      { label: 'Press the primary button', keys: ['Mod+Enter'] },
      { label: 'Close', keys: ['Esc'] },
    ],
  };
}

const ORDER = ['General', 'Navigation', 'Layout', 'Transfers', 'Selection', 'Dialogs'];

/** The command a binding runs, with the nine "go to account n" bindings as one. */
function commandKey(binding: Binding): string {
  return binding.command.startsWith('account-') ? 'account' : binding.command;
}

/**
 * The shortcut sheet's groups: every binding of the keymap under its group, with its label
 * from the command table (`labelOf`, kept a parameter so this runs without a DOM) (the nine account keys as one "Mod+1…9" row), then the keys of the
 * grid and of dialogs.
 */
export function shortcutGroups(
  mac: boolean,
  labelOf: (command: string) => string | undefined,
  bindings: readonly Binding[] = BINDINGS,
): ShortcutGroup[] {
  const rows = new Map<string, { group: string; row: ShortcutRow }>();
  for (const binding of bindings) {
    const key = commandKey(binding);
    const group = GROUP_OF[key] ?? 'Other';
    const existing = rows.get(key);
    if (key === 'account') {
      if (!existing)
        rows.set(key, {
          group,
          row: { label: 'Go to account 1 to 9 (sidebar order)', keys: ['Mod+1…9'] },
        });
      continue;
    }
    const label = labelOf(binding.command) ?? binding.command;
    rows.set(key, { group, row: { label, keys: [...(existing?.row.keys ?? []), binding.keys] } });
  }
  const extra = componentRows(mac);
  const groups = [...ORDER, 'Other'].map((title) => ({
    title,
    rows: [
      ...(extra[title] ?? []),
      ...[...rows.values()].filter((r) => r.group === title).map((r) => r.row),
    ],
  }));
  return groups.filter((g) => g.rows.length > 0);
}

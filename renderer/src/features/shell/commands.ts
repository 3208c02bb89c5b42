import type { SifportState } from '../../store/store.js';

/**
 * What each command of the keymap, the menus and the palette does (UI.md §4), as one table
 * over the store so every way in behaves the same. Labels are what the palette and the
 * shortcut sheet show.
 */
export interface CommandSpec {
  readonly label: string;
  /** Hidden from the palette (navigation keys that make no sense as an entry). */
  readonly paletteHidden?: boolean;
  run(state: SifportState): void;
}

function accountAt(state: SifportState, n: number): void {
  const account = state.accounts[n - 1];
  if (account) state.navigate({ kind: 'account', accountId: account.id });
}

const FIXED: Readonly<Record<string, CommandSpec>> = {
  push: { label: 'Push a SIF…', run: (s) => s.requestPush() },
  inspect: { label: 'Inspect a local SIF…', run: (s) => s.requestInspect() },
  palette: {
    label: 'Search or run a command…',
    paletteHidden: true,
    run: (s) => s.openDialog({ kind: 'palette' }),
  },
  filter: { label: 'Filter the list', run: (s) => s.focusFilter() },
  refresh: { label: 'Refresh', run: (s) => s.refresh() },
  settings: { label: 'Open settings', run: (s) => s.navigate({ kind: 'settings' }) },
  keys: { label: 'Open keys', run: (s) => s.navigate({ kind: 'keys' }) },
  home: { label: 'Go to start', run: (s) => s.navigate({ kind: 'home' }) },
  'add-account': { label: 'Add an account…', run: (s) => s.openDialog({ kind: 'add-account' }) },
  'import-accounts': {
    label: 'Import existing logins…',
    run: (s) => s.openDialog({ kind: 'import-accounts' }),
  },
  'toggle-sidebar': { label: 'Show or hide the sidebar', run: (s) => s.toggleFrame('sidebar') },
  'toggle-drawer': { label: 'Show or hide transfers', run: (s) => s.toggleFrame('drawer') },
  'toggle-details': { label: 'Show or hide details', run: (s) => s.toggleFrame('details') },
  split: {
    label: 'Split the explorer in two',
    // From another screen, Ctrl+\ shows the explorer split (toggling it off there would hide it).
    run: (s) => {
      if (s.screen.kind === 'explorer') return s.toggleFrame('split');
      s.toggleFrame('split', true);
      s.navigate({ kind: 'explorer' });
    },
  },
  back: { label: 'Back', paletteHidden: true, run: (s) => s.goBack() },
  forward: { label: 'Forward', paletteHidden: true, run: (s) => s.goForward() },
  'copy-pull-command': {
    label: 'Copy the pull command of the selected tag',
    run: (s) => s.copyPullCommand(),
  },
  shortcuts: { label: 'Keyboard shortcuts', run: (s) => s.openDialog({ kind: 'shortcuts' }) },
  'next-landmark': { label: 'Next region', paletteHidden: true, run: () => focusNextLandmark() },
};

/** The command named `id` ("account-3" included), or undefined. */
export function commandFor(id: string): CommandSpec | undefined {
  const account = /^account-([1-9])$/.exec(id);
  if (account) {
    const n = Number(account[1]);
    return { label: `Go to account ${n}`, paletteHidden: true, run: (s) => accountAt(s, n) };
  }
  return FIXED[id];
}

/** Every command the palette may offer, with its id. */
export function paletteCommands(): readonly (CommandSpec & { readonly id: string })[] {
  return Object.entries(FIXED)
    .filter(([, spec]) => !spec.paletteHidden)
    .map(([id, spec]) => ({ id, ...spec }));
}

/** Runs `id` against the store's current state; false when no such command exists. */
export function runCommand(state: SifportState, id: string): boolean {
  const command = commandFor(id);
  if (!command) return false;
  command.run(state);
  return true;
}

/**
 * Runs a command bound to a key or a menu item. While a dialog is open only the palette may
 * open (over it), so a shortcut never acts behind a modal; in the palette itself its keys do
 * nothing more. False when nothing ran.
 */
export function runBoundCommand(state: SifportState, id: string): boolean {
  if (state.dialog && (id !== 'palette' || state.dialog.kind === 'palette')) return false;
  return runCommand(state, id);
}

/** F6: moves focus to the next landmark of UI.md §5's order, wrapping around. */
function focusNextLandmark(): void {
  const landmarks = [
    ...document.querySelectorAll<HTMLElement>(
      'header[role=banner], nav, main, aside, section[data-landmark], footer[role=contentinfo]',
    ),
  ].filter((el) => el.offsetParent !== null);
  if (landmarks.length === 0) return;
  const current = landmarks.findIndex((el) => el.contains(document.activeElement));
  const next = landmarks[(current + 1) % landmarks.length]!;
  const target = next.querySelector<HTMLElement>(
    '[tabindex="0"], button:not([disabled]), input, [href], select, textarea',
  );
  (target ?? next).focus();
}

import type { SifportState } from '../../store/store.js';
import { paletteCommands, runCommand } from '../shell/commands.js';
import { keysFor } from '../../ui/keymap.js';
import { SETTINGS_SECTIONS } from '../settings/settings-sections.js';
import type { PaletteAction, PaletteSource } from './palette-items.js';

/** Commands the Go to group already offers as screens (with the same keys). */
const AS_SCREENS = new Set(['home', 'keys', 'settings']);

/** Registry references of the newest transfers, each once (at most `limit`). */
export function recentReferences(state: SifportState, limit = 8): string[] {
  const out: string[] = [];
  for (const id of state.transferOrder) {
    const reference = state.transfers[id]?.reference;
    if (reference && !out.includes(reference)) out.push(reference);
    if (out.length >= limit) break;
  }
  return out;
}

/** What the palette lists, read from the store when it opens and as accounts change. */
export function paletteSource(
  state: Pick<SifportState, 'accounts' | 'settings'>,
  references: readonly string[],
): PaletteSource {
  return {
    accounts: state.accounts,
    pinned: state.settings.pinnedRepositories,
    recent: state.settings.recentRepositories,
    references,
    commands: paletteCommands()
      .filter((c) => !AS_SCREENS.has(c.id))
      .map((c) => ({ id: c.id, label: c.label, keys: keysFor(c.id) })),
    settingsSections: SETTINGS_SECTIONS,
  };
}

/**
 * Runs a chosen entry against the store (after the palette closed, so a dialog it opens
 * replaces it). `fill` is the palette's own business and does nothing here.
 */
export function runPaletteAction(state: SifportState, action: PaletteAction): void {
  switch (action.kind) {
    case 'command':
      runCommand(state, action.command);
      return;
    case 'navigate':
      state.navigate(action.screen);
      return;
    case 'open-repository':
      state.openRepository(action.target);
      return;
    case 'dialog':
      state.openDialog(action.dialog);
      return;
    case 'show-transfers':
      state.toggleFrame('drawer', true);
      return;
    case 'fill':
      return;
  }
}

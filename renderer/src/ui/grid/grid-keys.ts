/**
 * What a key press means in the grid (UI.md §4: arrows, Home/End, PgUp/PgDn, Space, Shift+↑↓,
 * Ctrl+A, Enter, typeahead), as data the grid acts on. Pure so it is tested in Node.
 */

/** The parts of a key event the grid reads. */
export interface GridKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** What the grid does for a key. */
export type GridIntent =
  /** Focus row `to`; `mode` says what happens to the selection. */
  | { readonly kind: 'move'; readonly to: number; readonly mode: 'select' | 'extend' | 'focus' }
  | { readonly kind: 'toggle' }
  | { readonly kind: 'select-all' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'open' }
  /** Ctrl+C: copy what the selected rows name. */
  | { readonly kind: 'copy' }
  /** Delete (⌘⌫ on macOS): delete the selected rows, after asking. */
  | { readonly kind: 'delete' }
  | { readonly kind: 'typeahead'; readonly char: string };

const MOVES: Readonly<Record<string, (i: number, last: number, page: number) => number>> = {
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, last, page) => Math.min(last, i + page),
  PageUp: (i, _last, page) => Math.max(0, i - page),
  Home: () => 0,
  End: (_i, last) => last,
};

/**
 * The intent of `event` in a grid of `count` rows focused at `index` (-1: none yet), where
 * a page is `page` rows; undefined for keys the grid leaves alone. `mac` makes Cmd the
 * modifier. Ctrl+Home/End go to the ends too.
 */
export function gridIntent(
  event: GridKey,
  index: number,
  count: number,
  page: number,
  mac = false,
): GridIntent | undefined {
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (count === 0) return undefined;
  const move = MOVES[event.key];
  if (move && !event.altKey) {
    const to = index < 0 ? 0 : move(index, count - 1, Math.max(1, page));
    return { kind: 'move', to, mode: event.shiftKey ? 'extend' : mod ? 'focus' : 'select' };
  }
  if (event.altKey) return undefined;
  if (mod && !event.shiftKey && event.key.toLowerCase() === 'a') return { kind: 'select-all' };
  if (mod && !event.shiftKey && event.key.toLowerCase() === 'c') return { kind: 'copy' };
  if (event.key === 'Delete' || (mac && event.metaKey && event.key === 'Backspace')) {
    return { kind: 'delete' };
  }
  if (mod) return undefined;
  if (event.key === ' ') return { kind: 'toggle' };
  if (event.key === 'Enter') return { kind: 'open' };
  if (event.key === 'Escape') return { kind: 'clear' };
  // Only what a tag or name can hold, so "?" still opens the shortcut sheet.
  if (/^[\w.-]$/.test(event.key)) return { kind: 'typeahead', char: event.key };
  return undefined;
}

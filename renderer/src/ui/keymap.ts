/**
 * The keyboard map of UI.md §4 as data: each binding names a command; `matchBinding` finds
 * the command for a key event. Ctrl means Cmd on macOS. Bindings without a modifier are
 * ignored while a text field has focus, so typing "?" in a filter never opens the sheet.
 */

/** A key binding: `Mod` is Ctrl (Cmd on macOS); keys as `KeyboardEvent.key` names. */
export interface Binding {
  readonly keys: string;
  readonly command: string;
}

/** The parts of a key event a binding is matched against. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The window's bindings; the palette and the shortcut sheet show the same list. */
export const BINDINGS: readonly Binding[] = [
  { keys: 'Mod+O', command: 'push' },
  { keys: 'Mod+Shift+O', command: 'inspect' },
  { keys: 'Mod+K', command: 'palette' },
  { keys: 'Mod+Shift+P', command: 'palette' },
  { keys: 'F1', command: 'palette' },
  { keys: 'Mod+F', command: 'filter' },
  { keys: 'F5', command: 'refresh' },
  { keys: 'Mod+R', command: 'refresh' },
  { keys: 'Mod+,', command: 'settings' },
  { keys: 'Mod+B', command: 'toggle-sidebar' },
  { keys: 'Mod+J', command: 'toggle-drawer' },
  { keys: 'Mod+I', command: 'toggle-details' },
  { keys: 'Mod+\\', command: 'split' },
  { keys: 'Alt+ArrowLeft', command: 'back' },
  { keys: 'Alt+ArrowRight', command: 'forward' },
  { keys: 'Mod+Shift+C', command: 'copy-pull-command' },
  { keys: 'F6', command: 'next-landmark' },
  { keys: '?', command: 'shortcuts' },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ keys: `Mod+${n}`, command: `account-${n}` })),
];

interface Parsed {
  readonly key: string;
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

function parse(keys: string): Parsed {
  const parts = keys.split('+');
  const key = parts.pop() === '' ? '+' : keys.split('+').at(-1)!;
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
}

/** True when the binding has no Ctrl/Cmd/Alt (it must not fire while typing). */
export function isSingleKey(binding: Binding): boolean {
  const p = parse(binding.keys);
  return !p.mod && !p.alt && p.key.length === 1;
}

/**
 * The command bound to `event`, or undefined. `typing` is true when a text field has focus;
 * `mac` makes Mod the Cmd key.
 */
export function matchBinding(
  event: KeyPress,
  options: { readonly typing: boolean; readonly mac: boolean },
  bindings: readonly Binding[] = BINDINGS,
): string | undefined {
  const mod = options.mac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  for (const binding of bindings) {
    const p = parse(binding.keys);
    if (options.typing && isSingleKey(binding)) continue;
    // ⌥← and ⌥→ move by word in a macOS text field: there the field keeps them.
    if (options.typing && options.mac && p.alt && p.key.startsWith('Arrow')) continue;
    // "?" is Shift+/ on most layouts: the shifted key itself is what is matched.
    const shiftMatters = p.key.length > 1 || /[a-z]/.test(p.key);
    if (p.key !== key || p.mod !== mod || p.alt !== event.altKey) continue;
    if (shiftMatters && p.shift !== event.shiftKey) continue;
    return binding.command;
  }
  return undefined;
}

/** Arrow and editing keys as both platforms draw them. */
const KEY_GLYPHS: readonly (readonly [RegExp, string])[] = [
  [/ArrowLeft/g, '←'],
  [/ArrowRight/g, '→'],
  [/ArrowUp/g, '↑'],
  [/ArrowDown/g, '↓'],
];

/** "Ctrl+Shift+O" or "⌘⇧O": a binding as the user's platform writes it. */
export function describeKeys(keys: string, mac: boolean): string {
  const glyphs = KEY_GLYPHS.reduce((text, [pattern, glyph]) => text.replace(pattern, glyph), keys);
  if (!mac) return glyphs.replace('Mod', 'Ctrl');
  return glyphs
    .replace('Mod+', '⌘')
    .replace('Shift+', '⇧')
    .replace('Alt+', '⌥')
    .replace('Backspace', '⌫');
}

/** The first binding of `command`, for tooltips and menus. */
export function keysFor(
  command: string,
  bindings: readonly Binding[] = BINDINGS,
): string | undefined {
  return bindings.find((b) => b.command === command)?.keys;
}

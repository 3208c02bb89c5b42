import { describeKeys } from './keymap.js';

/** True on macOS, where Mod is ⌘. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** A key binding as the platform writes it ("Ctrl+K", "⌘K"). */
export function Kbd({ keys }: { keys: string }) {
  return (
    <kbd className="rounded border border-line bg-surface px-1 text-sm text-muted">
      {describeKeys(keys, IS_MAC)}
    </kbd>
  );
}

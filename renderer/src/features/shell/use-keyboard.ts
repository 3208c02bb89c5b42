import { useEffect } from 'react';
import { matchBinding } from '../../ui/keymap.js';
import { IS_MAC } from '../../ui/kbd.js';
import { useSifportStore } from '../../store/store.js';
import { runCommand } from './commands.js';

/** True when keys typed now go into a text field (single-key bindings then do nothing). */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type))
  );
}

/**
 * The window's keyboard map (UI.md §4) on `keydown`. While a dialog is open only the
 * palette and the dialog's own keys work, so a shortcut never acts behind a modal.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = matchBinding(event, { typing: typingInto(event.target), mac: IS_MAC });
      if (!command) return;
      const state = useSifportStore.getState();
      if (state.dialog && command !== 'palette') return;
      if (runCommand(state, command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

import { useEffect } from 'react';
import { matchBinding } from '../../ui/keymap.js';
import { IS_MAC } from '../../ui/kbd.js';
import { useSifportStore } from '../../store/store.js';
import { runBoundCommand } from './commands.js';

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
 * palette and the dialog's own keys work, so a shortcut never acts behind a modal. A bound
 * key is the window's even when it does nothing then: the browser's meaning (F5 and Ctrl+R
 * reload, Ctrl+J downloads, Alt+← history) and a desktop menu accelerator never follow.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = matchBinding(event, { typing: typingInto(event.target), mac: IS_MAC });
      if (!command) return;
      event.preventDefault();
      runBoundCommand(useSifportStore.getState(), command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

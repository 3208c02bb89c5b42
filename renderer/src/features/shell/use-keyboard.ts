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

/** The command `event` is bound to, for a real key press only (see {@link useKeyboard}). */
function boundCommand(event: KeyboardEvent): string | undefined {
  // React Aria re-dispatches the keys of an autocomplete field to its list: those copies are
  // untrusted, aimed at the list, and must never count as a press of their own.
  if (!event.isTrusted || event.isComposing) return undefined;
  return matchBinding(event, { typing: typingInto(event.target), mac: IS_MAC });
}

/**
 * The window's keyboard map (UI.md §4). A bound key is the window's even when it does
 * nothing: the browser's meaning (F5 and Ctrl+R reload, Ctrl+J downloads, Alt+← history) and
 * a desktop menu accelerator never follow it.
 *
 * Two phases. Before any component sees the key (capture): everything while a dialog is open
 * (only the palette may then open, over it; dialog fields such as the palette's stop keys
 * from bubbling) and Refresh always (the page must never reload because a focused list kept
 * F5 to itself). After the focused component (bubbling): the rest, so a component that
 * handles a key itself (`preventDefault`) keeps it.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const run = (event: KeyboardEvent, command: string) => {
      event.preventDefault();
      runBoundCommand(useSifportStore.getState(), command);
    };
    const onKeyDownCapture = (event: KeyboardEvent) => {
      const command = boundCommand(event);
      if (!command) return;
      if (useSifportStore.getState().dialog || command === 'refresh') run(event, command);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = boundCommand(event);
      if (command) run(event, command);
    };
    window.addEventListener('keydown', onKeyDownCapture, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDownCapture, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}

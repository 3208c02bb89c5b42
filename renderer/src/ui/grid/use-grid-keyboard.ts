import { useRef, type KeyboardEvent } from 'react';
import { IS_MAC } from '../kbd.js';
import { gridIntent } from './grid-keys.js';
import { NO_TYPEAHEAD, typeaheadMatch, typeaheadPrefix } from './typeahead.js';

/** What the grid's owner does for each intent, by row index. */
export interface GridActions {
  /** Focus row `index`: select only it, extend the range to it, or move the focus alone. */
  onMove(index: number, mode: 'select' | 'extend' | 'focus'): void;
  onToggle(index: number): void;
  onSelectAll(): void;
  onClear(): void;
  onOpen(index: number): void;
  /** Ctrl+C on row `index`. */
  onCopy(index: number): void;
  /** Delete on row `index`. */
  onDelete(index: number): void;
  /** A click: `range` with Shift, `toggle` with Ctrl/Cmd. */
  onPress(index: number, how: { range: boolean; toggle: boolean }): void;
}

/** The row index of the `role=row` element holding `target`, or undefined. */
export function rowIndexOf(target: EventTarget | null): number | undefined {
  const row = (target as HTMLElement | null)?.closest?.('[role=row][data-index]');
  return row ? Number((row as HTMLElement).dataset['index']) : undefined;
}

/** The buttons of the header row of the grid around `el` (sort headers, select all). */
function headerButtons(el: HTMLElement): HTMLElement[] {
  const header = el.closest('[role=grid]')?.querySelector('[role=row][aria-rowindex="1"]');
  return header ? [...header.querySelectorAll<HTMLElement>('button')] : [];
}

/**
 * Keys in the header row, which is part of the grid's one tab stop: ←/→ walk its buttons,
 * ↓ goes back to the rows. True when the key was handled.
 */
function headerKey(event: KeyboardEvent<HTMLElement>, target: HTMLElement): boolean {
  if (!target.closest('[role=row][aria-rowindex="1"]')) return false;
  const buttons = headerButtons(target);
  const at = buttons.indexOf(target);
  if (event.key === 'ArrowDown') {
    target.closest('[role=grid]')?.querySelector<HTMLElement>('[role=row][tabindex="0"]')?.focus();
  } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    buttons[
      Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowRight' ? 1 : -1)))
    ]?.focus();
  } else {
    return false;
  }
  event.preventDefault();
  return true;
}

/**
 * The grid's `onKeyDown` (UI.md §4): keys on a row move, select, open and search (typeahead on
 * `label`); inside a row, ←/→ walk its buttons and Esc goes back to the row. `moveTo` scrolls
 * the new row into view and focuses it once drawn.
 */
export function useGridKeyboard(options: {
  rowCount: number;
  focusedIndex: number;
  pageRows: () => number;
  label: (index: number) => string;
  actions: GridActions;
  moveTo: (index: number) => void;
}) {
  const typed = useRef(NO_TYPEAHEAD);
  return (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (headerKey(event, target)) return;
    const row = target.closest<HTMLElement>('[role=row][data-index]');
    if (!row) return;
    if (target !== row) {
      const buttons = [...row.querySelectorAll<HTMLElement>('button')];
      const at = buttons.indexOf(target);
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (event.key === 'Escape' || (step === -1 && at === 0)) row.focus();
      else if (step !== 0 && at >= 0) buttons[at + step]?.focus();
      else return;
      event.preventDefault();
      return;
    }
    if (event.key === 'ArrowRight') {
      row.querySelector<HTMLElement>('button')?.focus();
      event.preventDefault();
      return;
    }
    const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === 'ArrowUp' && plain && row.dataset['index'] === '0') {
      headerButtons(row)[0]?.focus();
      event.preventDefault();
      return;
    }
    const { rowCount, focusedIndex, actions } = options;
    const from = Number(row.dataset['index'] ?? focusedIndex);
    const intent = gridIntent(event, from, rowCount, options.pageRows(), IS_MAC);
    if (!intent) return;
    event.preventDefault();
    event.stopPropagation();
    switch (intent.kind) {
      case 'move':
        actions.onMove(intent.to, intent.mode);
        options.moveTo(intent.to);
        return;
      case 'toggle':
        return actions.onToggle(from);
      case 'select-all':
        return actions.onSelectAll();
      case 'clear':
        return actions.onClear();
      case 'open':
        return actions.onOpen(from);
      case 'copy':
        return actions.onCopy(from);
      case 'delete':
        return actions.onDelete(from);
      case 'typeahead': {
        typed.current = typeaheadPrefix(typed.current, intent.char, event.timeStamp);
        const to = typeaheadMatch(options.label, rowCount, from, typed.current.prefix);
        if (to === undefined || to === from) return;
        actions.onMove(to, 'select');
        options.moveTo(to);
      }
    }
  };
}

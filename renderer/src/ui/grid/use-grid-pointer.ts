import { useState, type DragEvent, type MouseEvent } from 'react';
import { rowIndexOf, type GridActions } from './use-grid-keyboard.js';

/**
 * The grid's mouse (UI.md S5 "Selection"), delegated from the grid element so rows carry no
 * handlers: click, Shift-range, Ctrl/Cmd-toggle (and the row checkbox), double-click opens,
 * dragging a row starts `onDragRows`; `hovered` is the row under the mouse (-1: none).
 */
export function useGridPointer(
  actions: GridActions,
  onDragRows?: (index: number, event: DragEvent<HTMLElement>) => void,
) {
  const [hovered, setHovered] = useState(-1);
  const handlers = {
    onClick(event: MouseEvent<HTMLElement>) {
      const index = rowIndexOf(event.target);
      const target = event.target as HTMLElement;
      if (index === undefined || target.closest('button:not([data-row-check])')) return;
      const toggle = event.ctrlKey || event.metaKey || target.closest('[data-row-check]') !== null;
      actions.onPress(index, { range: event.shiftKey, toggle });
    },
    onDoubleClick(event: MouseEvent<HTMLElement>) {
      const index = rowIndexOf(event.target);
      if (index !== undefined && !(event.target as HTMLElement).closest('button'))
        actions.onOpen(index);
    },
    onMouseOver(event: MouseEvent<HTMLElement>) {
      const index = rowIndexOf(event.target) ?? -1;
      if (index !== hovered) setHovered(index);
    },
    onMouseLeave: () => setHovered(-1),
    onDragStart(event: DragEvent<HTMLElement>) {
      const index = rowIndexOf(event.target);
      if (index !== undefined) onDragRows?.(index, event);
    },
  };
  return { hovered, handlers };
}

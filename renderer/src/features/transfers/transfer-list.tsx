import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useSifportStore } from '../../store/store.js';
import { TransferRow } from './transfer-row.js';

/** Row height of UI.md S9, in px. */
export const ROW_HEIGHT = 56;

/** Focuses the row element of `id` once it is drawn. */
function focusRow(list: HTMLElement | null, id: string): void {
  requestAnimationFrame(() =>
    list?.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(id)}"]`)?.focus(),
  );
}

/**
 * The drawer's rows, virtualised (history up to 500 and beyond): only the visible rows and a
 * few more exist in the DOM. One tab stop; ↑/↓, Home/End and PgUp/PgDn move the selection.
 * A row asked for from elsewhere (a new push, a notice) is scrolled into view.
 */
export function TransferList({ ids, label }: { ids: readonly string[]; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const selected = useSifportStore((s) => s.selectedTransferId);
  const focusCount = useSifportStore((s) => s.transferFocusCount);
  const select = useSifportStore((s) => s.focusTransferRow);
  // TanStack Virtual is fine un-memoised here: the list re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const selectedIndex = selected ? ids.indexOf(selected) : -1;

  useEffect(() => {
    if (focusCount && selectedIndex >= 0)
      virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only a new request to show a row scrolls, not every change of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusCount]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || !event.target.hasAttribute('data-job-id')) return;
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const from = Math.max(0, selectedIndex);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      Home: 0,
      End: ids.length - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    const to = moves[event.key];
    if (to === undefined || ids.length === 0) return;
    event.preventDefault();
    const index = Math.min(ids.length - 1, Math.max(0, to));
    select(ids[index]!);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusRow(scroller.current, ids[index]!);
  };

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-auto" onKeyDown={onKeyDown}>
      <div
        role="list"
        aria-label={label}
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const id = ids[item.index]!;
          return (
            <TransferRow
              key={id}
              id={id}
              index={item.index}
              count={ids.length}
              tabStop={selectedIndex < 0 ? item.index === 0 : item.index === selectedIndex}
              style={{ top: item.start, height: ROW_HEIGHT }}
            />
          );
        })}
      </div>
    </div>
  );
}

export type { GridColumn } from './grid-header.js';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type DragEvent,
  type ReactNode,
} from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { GridHeader, type GridColumn } from './grid-header.js';
import { useGridPointer } from './use-grid-pointer.js';
import type { SortSpec } from './sort-rows.js';
import { useGridKeyboard, type GridActions } from './use-grid-keyboard.js';

/**
 * The hand-written virtual ARIA grid (UI.md §5, §7): `role=grid` with `aria-rowcount` and
 * `aria-multiselectable`, sort headers as buttons with `aria-sort`, one roving tab stop, the
 * keyboard of UI.md §4, click/Shift/Ctrl selection, and only the rows in view (plus the
 * focused one) in the DOM, so 10,000 rows scroll at 60 fps. Rows are the owner's
 * (`renderRow` returns a {@link GridRow}), so each can subscribe to its own data.
 */
export function VirtualGrid({
  label,
  columns,
  rowCount,
  rowHeight,
  focusedIndex,
  sort,
  onSort,
  rowLabel,
  rowKey,
  renderRow,
  actions,
  onRangeChange,
  onDragRows,
  minWidth,
  viewKey,
  keepInView,
}: {
  label: string;
  columns: readonly GridColumn[];
  rowCount: number;
  rowHeight: number;
  /** The roving focus, -1 for none (then the first row is the tab stop). */
  focusedIndex: number;
  sort?: SortSpec;
  onSort?: (column: string) => void;
  rowLabel: (index: number) => string;
  rowKey: (index: number) => string;
  /**
   * Draws row `index` at `start` px. `live` is true for the tab stop and the row under the
   * mouse: only those need their hover/focus actions in the DOM (rows are many; see S5).
   */
  renderRow: (index: number, start: number, tabStop: boolean, live: boolean) => ReactNode;
  actions: GridActions;
  /**
   * The rows in view once scrolling rests (first and last index): load what they need. Rows
   * that only fly past are not reported, so a fast scroll asks for nothing on the way.
   */
  onRangeChange?: (first: number, last: number) => void;
  onDragRows?: (index: number, event: DragEvent<HTMLElement>) => void;
  minWidth: number;
  /** Changes when the user re-sorts or re-filters: the view then moves (see `keepInView`). */
  viewKey: string;
  /** The row kept in view when `viewKey` changes (the selected focus), or -1: back to the top. */
  keepInView: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | undefined>(undefined);
  const tabStop = focusedIndex >= 0 && focusedIndex < rowCount ? focusedIndex : 0;
  const rangeExtractor = useCallback(
    (range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = defaultRangeExtractor(range);
      return rowCount > 0 && !indexes.includes(tabStop) ? [...indexes, tabStop] : indexes;
    },
    [tabStop, rowCount],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey: rowKey,
    overscan: 5,
    rangeExtractor,
    // React 19 batches the scroll's render with the frame's other work; flushSync in the
    // scroll handler rendered once per event, several times a frame.
    useFlushSync: false,
  });
  const shownView = useRef(viewKey);
  useEffect(() => {
    if (shownView.current === viewKey) return;
    shownView.current = viewKey;
    if (keepInView >= 0) virtualizer.scrollToIndex(keepInView, { align: 'center' });
    else if ((scroller.current?.scrollTop ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [viewKey, keepInView, virtualizer]);
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? -1;
  const scrolling = virtualizer.isScrolling;
  useEffect(() => {
    if (!scrolling) onRangeChange?.(first, last);
  }, [first, last, rowCount, scrolling, onRangeChange]);
  useLayoutEffect(() => {
    if (pendingFocus.current === undefined) return;
    const row = scroller.current?.querySelector<HTMLElement>(
      `[data-index="${pendingFocus.current}"]`,
    );
    pendingFocus.current = undefined;
    row?.focus({ preventScroll: true });
  });
  const onKeyDown = useGridKeyboard({
    rowCount,
    focusedIndex,
    pageRows: () => Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / rowHeight) - 1),
    label: rowLabel,
    actions,
    moveTo: (index) => {
      pendingFocus.current = index;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
  });
  const pointer = useGridPointer(actions, onDragRows);
  const template = columns.map((c) => c.track).join(' ');
  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-multiselectable
      style={{ '--grid-cols': template } as CSSProperties}
      className="flex min-h-0 flex-1 flex-col"
      onKeyDown={onKeyDown}
      {...pointer.handlers}
    >
      <GridHeader
        columns={columns}
        sort={sort}
        onSort={onSort}
        minWidth={minWidth}
        scrollRef={header}
      />
      <div
        ref={scroller}
        data-grid-scroller
        data-scrolling={scrolling || undefined}
        className="min-h-0 flex-1 overflow-auto"
        onScroll={(e) => {
          if (header.current) header.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div
          role="rowgroup"
          className="relative"
          style={{ height: virtualizer.getTotalSize(), minWidth }}
        >
          {virtualizer
            .getVirtualItems()
            .map((item) =>
              renderRow(
                item.index,
                item.start,
                item.index === tabStop,
                item.index === tabStop || item.index === pointer.hovered,
              ),
            )}
        </div>
      </div>
    </div>
  );
}

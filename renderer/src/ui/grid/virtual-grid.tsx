import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type DragEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { cx } from '../cx.js';
import { GridHeaderCell } from './grid-parts.js';
import type { SortSpec } from './sort-rows.js';
import { rowIndexOf, useGridKeyboard, type GridActions } from './use-grid-keyboard.js';

/** A column of the grid: its CSS grid track and header. */
export interface GridColumn {
  readonly id: string;
  readonly label: string;
  readonly track: string;
  readonly sortable?: boolean;
  readonly align?: 'end';
  /** Replaces the default header (a select-all checkbox). */
  readonly header?: ReactNode;
}

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
  /** The rows in view changed (first and last index): load what they need. */
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
  const [hovered, setHovered] = useState(-1);
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
    overscan: 8,
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
    else virtualizer.scrollToOffset(0);
  }, [viewKey, keepInView, virtualizer]);
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? -1;
  useEffect(() => onRangeChange?.(first, last), [first, last, rowCount, onRangeChange]);
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
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const index = rowIndexOf(event.target);
    const target = event.target as HTMLElement;
    if (index === undefined || target.closest('button:not([data-row-check])')) return;
    const toggle = event.ctrlKey || event.metaKey || target.closest('[data-row-check]') !== null;
    actions.onPress(index, { range: event.shiftKey, toggle });
  };
  const onDoubleClick = (event: MouseEvent<HTMLElement>) => {
    const index = rowIndexOf(event.target);
    if (index !== undefined && !(event.target as HTMLElement).closest('button'))
      actions.onOpen(index);
  };
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
      onClick={onClick}
      onMouseOver={(e) => {
        const index = rowIndexOf(e.target) ?? -1;
        if (index !== hovered) setHovered(index);
      }}
      onMouseLeave={() => setHovered(-1)}
      onDoubleClick={onDoubleClick}
      onDragStart={(e) => {
        const index = rowIndexOf(e.target);
        if (index !== undefined) onDragRows?.(index, e);
      }}
    >
      <div
        ref={header}
        role="rowgroup"
        className="shrink-0 overflow-hidden border-b border-line bg-surface"
      >
        <div
          role="row"
          aria-rowindex={1}
          style={{ minWidth }}
          className="grid h-8 grid-cols-(--grid-cols) items-center text-sm"
        >
          {columns.map((c) => (
            <GridHeaderCell
              key={c.id}
              id={c.id}
              label={c.label}
              sortable={c.sortable}
              sort={sort}
              align={c.align}
              onSort={onSort}
            >
              {c.header}
            </GridHeaderCell>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        data-grid-scroller
        data-scrolling={virtualizer.isScrolling || undefined}
        className="min-h-0 flex-1 overflow-auto"
        onScroll={(e) => {
          if (header.current) header.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div
          role="rowgroup"
          className={cx('relative')}
          style={{ height: virtualizer.getTotalSize(), minWidth }}
        >
          {virtualizer
            .getVirtualItems()
            .map((item) =>
              renderRow(
                item.index,
                item.start,
                item.index === tabStop,
                item.index === tabStop || item.index === hovered,
              ),
            )}
        </div>
      </div>
    </div>
  );
}

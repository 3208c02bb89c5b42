import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
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
  renderRow: (index: number, start: number, tabStop: boolean) => ReactNode;
  actions: GridActions;
  /** The rows in view changed (first and last index): load what they need. */
  onRangeChange?: (first: number, last: number) => void;
  onDragRows?: (index: number, event: DragEvent<HTMLElement>) => void;
  minWidth: number;
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
    overscan: 8,
    rangeExtractor,
  });
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
            .map((item) => renderRow(item.index, item.start, item.index === tabStop))}
        </div>
      </div>
    </div>
  );
}

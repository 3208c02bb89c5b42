import type { ReactNode, RefObject } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { cx } from '../cx.js';
import type { SortSpec } from './sort-rows.js';

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

/** A column header: a button with `aria-sort` when the column sorts, else its label. */
function GridHeaderCell({
  id,
  label,
  sortable,
  sort,
  align,
  onSort,
  children,
}: {
  id: string;
  label: string;
  sortable?: boolean;
  sort?: SortSpec;
  align?: 'end';
  onSort?: (column: string) => void;
  children?: ReactNode;
}) {
  const active = sort?.column === id;
  const ariaSort = sortable ? (active ? sort.direction : 'none') : undefined;
  const Icon = !active ? ArrowUpDown : sort.direction === 'ascending' ? ArrowUp : ArrowDown;
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort}
      className={cx('flex h-full min-w-0 items-center px-1', align === 'end' && 'justify-end')}
    >
      {children ??
        (sortable ? (
          <button
            type="button"
            tabIndex={-1}
            onClick={() => onSort?.(id)}
            className={cx(
              'flex h-6 min-w-0 items-center gap-1 rounded px-1 font-medium outline-none hover:bg-hover',
              'focus-visible:outline-2 focus-visible:outline-accent',
              active ? 'text-text' : 'text-muted',
            )}
          >
            <span className="truncate">{label}</span>
            <Icon size={12} aria-hidden className={active ? 'text-accent' : 'opacity-60'} />
          </button>
        ) : (
          <span className="truncate px-1 font-medium text-muted">{label}</span>
        ))}
    </div>
  );
}

/**
 * The grid's header row (row 1): a `rowgroup` that scrolls sideways with the rows (the grid
 * sets its `scrollLeft`). Its buttons are not tab stops: ↑ from the first row reaches them.
 */
export function GridHeader({
  columns,
  sort,
  onSort,
  minWidth,
  scrollRef,
}: {
  columns: readonly GridColumn[];
  sort?: SortSpec;
  onSort?: (column: string) => void;
  minWidth: number;
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div
      ref={scrollRef}
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
  );
}

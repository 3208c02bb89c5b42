import type { ReactNode } from 'react';
import { cx } from '../cx.js';

/**
 * The rows and cells of {@link VirtualGrid} (UI.md §5 "Grid"): a row is `role=row` with
 * `aria-rowindex` (the header is row 1) and `aria-selected`, positioned by the grid; a row's
 * one tab stop is the roving focus. Cells line up on the grid's `--grid-cols` tracks.
 */

/** One data row; `start` is its offset in px from the top of the rows. */
export function GridRow({
  index,
  start,
  height,
  selected,
  tabStop,
  label,
  draggable = false,
  children,
}: {
  index: number;
  start: number;
  height: number;
  selected: boolean;
  tabStop: boolean;
  label?: string;
  draggable?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={label}
      tabIndex={tabStop ? 0 : -1}
      data-index={index}
      draggable={draggable}
      style={{ transform: `translateY(${start}px)`, height }}
      className={cx(
        'group absolute top-0 left-0 grid w-full grid-cols-(--grid-cols) items-center border-b border-line/60',
        // A row's size is its own: style and layout work stays inside the rows that change.
        '[contain:strict]',
        'cursor-default outline-none select-none hover:bg-hover aria-selected:bg-selected',
        'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent',
      )}
    >
      {children}
    </div>
  );
}

/**
 * A cell; `header` makes it the row's `rowheader` (the column typeahead searches). Text goes
 * straight in and is cut with an ellipsis (one element per cell: rows are many); a cell
 * holding controls adds `flex` in `className`.
 */
export function GridCell({
  header = false,
  align,
  className,
  title,
  children,
}: {
  header?: boolean;
  align?: 'end';
  className?: string;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div
      role={header ? 'rowheader' : 'gridcell'}
      title={title}
      className={cx('min-w-0 truncate px-2', align === 'end' && 'text-right', className)}
    >
      {children}
    </div>
  );
}

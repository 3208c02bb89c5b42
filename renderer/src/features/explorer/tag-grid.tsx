import { memo, useCallback, useMemo, type DragEvent } from 'react';
import { Check, Minus } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { copyText } from '../../ui/copy-button.js';
import { cx } from '../../ui/cx.js';
import {
  clearSelection,
  focusKey,
  selectAll,
  selectOnly,
  selectRange,
  toggleKey,
  type Selection,
} from '../../ui/grid/selection.js';
import { nextSort } from '../../ui/grid/sort-rows.js';
import type { GridActions } from '../../ui/grid/use-grid-keyboard.js';
import { VirtualGrid, type GridColumn } from '../../ui/grid/virtual-grid.js';
import { paneStateOf } from './explorer-slice.js';
import { usePane } from './pane-context.js';
import { CHECK_WIDTH, type TagColumn, type TagColumnSpec } from './tag-columns.js';
import { TagRow } from './tag-row.js';
import { tagReference } from './tag-reference.js';

/** Rows above and below the view whose details are fetched too (UI.md S5: "visible rows ±50"). */
const DETAILS_MARGIN = 50;

/** The drag type of rows from pane `pane` (the pane is in the type: drop targets cannot read data). */
export const dragType = (pane: number) => `application/x-sifport-tags-${pane}`;

function SelectAllBox({
  rows,
  onPress,
}: {
  rows: readonly string[];
  onPress: (all: boolean) => void;
}) {
  const { pane, repoKey } = usePane();
  const selected = useSifportStore((s) => paneStateOf(s, pane, repoKey).selected);
  const count = useMemo(
    () => rows.reduce((n, t) => n + (selected.has(t) ? 1 : 0), 0),
    [rows, selected],
  );
  const all = rows.length > 0 && count === rows.length;
  const state = all ? 'true' : count > 0 ? 'mixed' : 'false';
  return (
    <button
      type="button"
      role="checkbox"
      tabIndex={-1}
      aria-checked={state}
      aria-label={all ? 'Clear the selection' : 'Select every tag shown (Ctrl+A)'}
      title={all ? 'Clear the selection' : 'Select every tag shown (Ctrl+A)'}
      onClick={() => onPress(!all)}
      className="mx-auto flex size-6 items-center justify-center rounded outline-none focus-visible:outline-2 focus-visible:outline-accent"
    >
      <span
        aria-hidden
        className={cx(
          'flex size-4 items-center justify-center rounded border',
          state === 'false' ? 'border-control bg-bg' : 'border-accent bg-accent text-on-accent',
        )}
      >
        {state === 'true' ? (
          <Check size={12} strokeWidth={3} />
        ) : state === 'mixed' ? (
          <Minus size={12} strokeWidth={3} />
        ) : null}
      </span>
    </button>
  );
}

/**
 * The tag grid of one pane over its filtered and sorted `rows`: selection through the slice,
 * details fetched for what is in view, rows dragged to the other pane for Copy.
 */
export const TagGrid = memo(function TagGrid({
  rows,
  columns,
  onOpen,
}: {
  rows: readonly string[];
  columns: readonly TagColumnSpec[];
  onOpen: () => void;
}) {
  const { pane, target, repoKey, rowHeight } = usePane();
  const state = useSifportStore(useCallback((s) => paneStateOf(s, pane, repoKey), [pane, repoKey]));
  const { updatePane, showDetailsFor } = useSifportStore.getState();
  const focusedIndex = useMemo(
    () => (state.focused === undefined ? -1 : rows.indexOf(state.focused)),
    [rows, state.focused],
  );
  const change = useCallback(
    (next: (s: Selection) => Selection) => {
      const current = paneStateOf(useSifportStore.getState(), pane, repoKey);
      const { selected, anchor, focused } = next(current);
      useSifportStore.getState().updatePane(pane, repoKey, { selected, anchor, focused });
      useSifportStore.getState().setActivePane(pane);
    },
    [pane, repoKey],
  );
  /** The rows a key acts on: the selection when row `i` is in it, else row `i` alone. */
  const acted = (i: number) =>
    state.selected.has(rows[i]!) ? rows.filter((t) => state.selected.has(t)) : [rows[i]!];
  const actions: GridActions = {
    onMove: (i, mode) =>
      change((s) =>
        mode === 'select'
          ? selectOnly(rows[i]!)
          : mode === 'extend'
            ? selectRange(s, rows, rows[i]!)
            : focusKey(s, rows[i]!),
      ),
    onToggle: (i) => change((s) => toggleKey(s, rows[i]!)),
    onSelectAll: () => change((s) => selectAll(s, rows)),
    onClear: () => change(clearSelection),
    onOpen: (i) => {
      change((s) => focusKey(s, rows[i]!));
      onOpen();
    },
    onCopy: (i) => {
      const text = acted(i)
        .map((t) => tagReference(target, t))
        .join('\n');
      void copyText(text).then((ok) =>
        useSifportStore
          .getState()
          .announce(
            ok
              ? `Copied ${text.includes('\n') ? 'the references' : text}.`
              : 'The clipboard refused the references.',
          ),
      );
    },
    onDelete: (i) =>
      useSifportStore
        .getState()
        .openDialog({ kind: 'delete', references: acted(i).map((t) => tagReference(target, t)) }),
    onPress: (i, how) =>
      change((s) =>
        how.range
          ? selectRange(s, rows, rows[i]!, how.toggle)
          : how.toggle
            ? toggleKey(s, rows[i]!)
            : selectOnly(rows[i]!),
      ),
  };
  const onRangeChange = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      const view = rows.slice(first, last + 1);
      const after = rows.slice(last + 1, last + 1 + DETAILS_MARGIN);
      const before = rows.slice(Math.max(0, first - DETAILS_MARGIN), first).reverse();
      showDetailsFor(pane, target, [...view, ...after, ...before]);
    },
    [rows, pane, target, showDetailsFor],
  );
  const rowKey = useCallback((i: number) => rows[i]!, [rows]);
  const viewKey = JSON.stringify([state.filter, state.sort, state.facets]);
  const onDragRows = (index: number, event: DragEvent<HTMLElement>) => {
    const tag = rows[index]!;
    const tags = state.selected.has(tag) ? rows.filter((t) => state.selected.has(t)) : [tag];
    event.dataTransfer.setData(
      dragType(pane),
      JSON.stringify(tags.map((t) => tagReference(target, t))),
    );
    event.dataTransfer.setData('text/plain', tags.map((t) => tagReference(target, t)).join('\n'));
    event.dataTransfer.effectAllowed = 'copy';
  };
  const gridColumns: GridColumn[] = [
    {
      id: 'select',
      label: 'Selected',
      track: `${CHECK_WIDTH}px`,
      header: (
        <SelectAllBox
          rows={rows}
          onPress={(all) => change((s) => (all ? selectAll(s, rows) : clearSelection(s)))}
        />
      ),
    },
    ...columns.map((c) => ({
      id: c.id,
      label: c.label,
      track: c.track,
      sortable: c.sortable,
      align: c.align,
    })),
    {
      id: 'actions',
      label: 'Actions',
      track: '0px',
      header: <span className="sr-only">Actions</span>,
    },
  ];
  const minWidth = CHECK_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <VirtualGrid
      label={`Tags of ${target.repository}`}
      columns={gridColumns}
      rowCount={rows.length}
      rowHeight={rowHeight}
      focusedIndex={focusedIndex}
      sort={state.sort}
      onSort={(column) =>
        updatePane(pane, repoKey, { sort: nextSort(state.sort, column as TagColumn) })
      }
      rowLabel={rowKey}
      rowKey={rowKey}
      viewKey={viewKey}
      keepInView={focusedIndex >= 0 && state.selected.has(rows[focusedIndex]!) ? focusedIndex : -1}
      renderRow={(i, start, tabStop, live) => (
        <TagRow
          key={rows[i]}
          index={i}
          start={start}
          tabStop={tabStop}
          live={live}
          tag={rows[i]!}
        />
      )}
      actions={actions}
      onRangeChange={onRangeChange}
      onDragRows={onDragRows}
      minWidth={minWidth}
    />
  );
});

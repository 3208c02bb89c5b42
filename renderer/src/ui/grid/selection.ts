/**
 * The grid's selection model (UI.md S5 "Selection", §4): which rows are selected, the anchor
 * a Shift-range starts from, and the focused row (the one tab stop). Pure functions over row
 * keys in display order, so the grid, its keyboard and its mouse share one tested behaviour.
 */

/** Selected rows, the range anchor and the focused row, by key. */
export interface Selection {
  readonly selected: ReadonlySet<string>;
  readonly anchor?: string | undefined;
  readonly focused?: string | undefined;
}

/** Nothing selected, nothing focused. */
export const EMPTY_SELECTION: Selection = { selected: new Set() };

/** A plain click, or an arrow key: only `key`, which becomes the anchor and the focus. */
export function selectOnly(key: string): Selection {
  return { selected: new Set([key]), anchor: key, focused: key };
}

/** Ctrl+click or Space: `key` flips in or out; it becomes the anchor and the focus. */
export function toggleKey(selection: Selection, key: string): Selection {
  const selected = new Set(selection.selected);
  if (selected.has(key)) selected.delete(key);
  else selected.add(key);
  return { selected, anchor: key, focused: key };
}

/**
 * Shift+click or Shift+arrow: the rows from the anchor to `key` in display order (the
 * anchor stays). With `add` (Ctrl+Shift+click) the range joins what was selected. Without an
 * anchor in `order` the range starts at `key`.
 */
export function selectRange(
  selection: Selection,
  order: readonly string[],
  key: string,
  add = false,
): Selection {
  const to = order.indexOf(key);
  if (to < 0) return selection;
  const anchor =
    selection.anchor !== undefined && order.includes(selection.anchor) ? selection.anchor : key;
  const from = order.indexOf(anchor);
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const selected = new Set(add ? selection.selected : []);
  for (let i = lo; i <= hi; i++) selected.add(order[i]!);
  return { selected, anchor, focused: key };
}

/** Ctrl+A: every row shown (the filtered rows, not the whole repository). */
export function selectAll(selection: Selection, order: readonly string[]): Selection {
  return { ...selection, selected: new Set(order) };
}

/** Ctrl+arrow: the focus moves, the selection stays. */
export function focusKey(selection: Selection, key: string): Selection {
  return { ...selection, focused: key };
}

/** Esc: nothing selected; the focus stays where it was. */
export function clearSelection(selection: Selection): Selection {
  return { selected: new Set(), focused: selection.focused };
}

/**
 * The selection kept to rows that are still shown (after a filter or a reload), so actions
 * never touch a row the user cannot see.
 */
export function keepShown(selection: Selection, order: readonly string[]): Selection {
  const shown = new Set(order);
  const selected = new Set([...selection.selected].filter((key) => shown.has(key)));
  if (
    selected.size === selection.selected.size &&
    (!selection.focused || shown.has(selection.focused))
  ) {
    return selection;
  }
  return {
    selected,
    anchor:
      selection.anchor !== undefined && shown.has(selection.anchor) ? selection.anchor : undefined,
    focused:
      selection.focused !== undefined && shown.has(selection.focused)
        ? selection.focused
        : undefined,
  };
}

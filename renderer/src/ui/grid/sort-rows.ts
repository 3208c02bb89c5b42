/**
 * Sorting for the virtual grid (UI.md §7: "sortRows/filterRows with a numeric Intl.Collator",
 * no table library). Kept free of the DOM so it is tested in Node.
 */

/** Which way a column sorts; the names are `aria-sort`'s. */
export type SortDirection = 'ascending' | 'descending';

/** The column a grid is sorted by, and which way. */
export interface SortSpec<C extends string = string> {
  readonly column: C;
  readonly direction: SortDirection;
}

/** A cell's value for sorting; `undefined` (not loaded, unknown) sorts last either way. */
export type SortValue = string | number | undefined;

/**
 * "build-2" before "build-10", "V1" beside "v1": how people expect tags and names to sort.
 * One instance for the window: building a collator costs more than a comparison.
 */
export const NUMERIC_COLLATOR = new Intl.Collator(undefined, {
  numeric: true,
  sensitivity: 'base',
});

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return NUMERIC_COLLATOR.compare(String(a), String(b));
}

/**
 * `rows` sorted by `value` in `direction`, as a new array. Values are read once per row (not
 * once per comparison), ties keep their input order in both directions, and rows whose value
 * is `undefined` stay at the end, so a column that is partly loaded sorts what it knows.
 */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => SortValue,
  direction: SortDirection,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: value(row) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key !== b.key) return a.key === undefined ? 1 : -1;
      return a.index - b.index;
    }
    return sign * compareValues(a.key, b.key) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** The sort after a header press: the same column flips, another starts ascending. */
export function nextSort<C extends string>(
  current: SortSpec<C> | undefined,
  column: C,
): SortSpec<C> {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

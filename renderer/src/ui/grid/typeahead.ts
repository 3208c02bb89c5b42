/**
 * Typeahead on the grid's row-header column (UI.md §4): letters typed in quick succession
 * jump to the next row whose label starts with them, as in a file manager.
 */

/** How long after the last key the typed prefix is forgotten, in ms. */
export const TYPEAHEAD_RESET_MS = 1000;

/** The typed prefix and when it was last extended. */
export interface TypeaheadState {
  readonly prefix: string;
  readonly at: number;
}

/** Nothing typed yet. */
export const NO_TYPEAHEAD: TypeaheadState = { prefix: '', at: 0 };

/**
 * The prefix after typing `char` at `now`: it grows while keys come quickly, and starts
 * again after {@link TYPEAHEAD_RESET_MS}.
 */
export function typeaheadPrefix(state: TypeaheadState, char: string, now: number): TypeaheadState {
  const fresh = now - state.at > TYPEAHEAD_RESET_MS;
  return { prefix: (fresh ? '' : state.prefix) + char.toLowerCase(), at: now };
}

/**
 * The index of the row `prefix` selects among `count` rows, searching from `from` and
 * wrapping around; undefined when no label starts with it. A one-letter prefix starts after
 * `from` (pressing "b" again goes to the next "b…"), a longer one at `from` (typing "bw"
 * stays on "bwa" when it already matches).
 */
export function typeaheadMatch(
  label: (index: number) => string,
  count: number,
  from: number,
  prefix: string,
): number | undefined {
  if (count === 0 || prefix === '') return undefined;
  const start = prefix.length === 1 ? from + 1 : from;
  for (let step = 0; step < count; step++) {
    const index = (((start + step) % count) + count) % count;
    if (label(index).toLowerCase().startsWith(prefix)) return index;
  }
  return undefined;
}

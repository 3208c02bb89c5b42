/**
 * The grid's filter language (UI.md S5): a plain substring, a `glob*` with `*` and `?`, or a
 * `/regex/flags`. Free of the DOM so it is tested in Node.
 */

/** A parsed filter: what to keep, or why the text is not a valid pattern. */
export type RowFilter =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'substring' | 'glob' | 'regex';
      readonly test: (text: string) => boolean;
    }
  | { readonly kind: 'invalid'; readonly message: string };

const REGEX = /^\/(.*)\/([a-z]*)$/s;

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** `v2.*` → /^v2\..*$/i: a glob matches the whole text, case-insensitively. */
function globToRegex(glob: string): RegExp {
  const body = escapeRegex(glob).replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * Parses what the user typed: `/…/flags` is a regular expression (an invalid one says why
 * instead of matching nothing), text with `*` or `?` is a glob over the whole value, anything
 * else a case-insensitive substring. Blank keeps every row.
 */
export function parseFilter(input: string): RowFilter {
  const text = input.trim();
  if (text === '') return { kind: 'all' };
  const regex = REGEX.exec(text);
  if (regex && text.length > 1) {
    try {
      const re = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ''));
      return { kind: 'regex', test: (value) => re.test(value) };
    } catch (err) {
      const why = (err as Error).message.replace(/^Invalid regular expression: /, '');
      return { kind: 'invalid', message: `Not a valid regular expression: ${why}` };
    }
  }
  if (/[*?]/.test(text)) {
    const re = globToRegex(text);
    return { kind: 'glob', test: (value) => re.test(value) };
  }
  const needle = text.toLowerCase();
  return { kind: 'substring', test: (value) => value.toLowerCase().includes(needle) };
}

/** The rows whose text matches `filter`, in order; an invalid filter keeps none. */
export function filterRows<T>(
  rows: readonly T[],
  text: (row: T) => string,
  filter: RowFilter,
): readonly T[] {
  switch (filter.kind) {
    case 'all':
      return rows;
    case 'invalid':
      return [];
    default:
      return rows.filter((row) => filter.test(text(row)));
  }
}

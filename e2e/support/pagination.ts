/** One page of a sorted listing. */
export interface Page {
  readonly items: readonly string[];
  /** The `last` parameter of the next page; undefined on the last page. */
  readonly next?: string;
}

/** Page size and start, or the reason they are invalid. */
export type PageQuery =
  | { readonly ok: true; readonly n?: number; readonly last?: string }
  | { readonly ok: false; readonly message: string };

/** Reads `n` and `last` from a query string (spec §3.6/§3.7). */
export function parsePageQuery(query: URLSearchParams): PageQuery {
  const rawN = query.get('n');
  const last = query.get('last') ?? undefined;
  if (rawN === null) return { ok: true, ...(last === undefined ? {} : { last }) };
  if (!/^\d+$/.test(rawN)) return { ok: false, message: `invalid page size n=${rawN}` };
  return { ok: true, n: Number(rawN), ...(last === undefined ? {} : { last }) };
}

/**
 * Returns the items after `last` (lexically), at most `n` of them, and where the next page
 * starts if more remain. Without `n` everything after `last` is returned in one page.
 */
export function paginate(sorted: readonly string[], n?: number, last?: string): Page {
  const rest = last === undefined ? sorted : sorted.filter((item) => item > last);
  if (n === undefined || rest.length <= n) return { items: rest };
  const items = rest.slice(0, n);
  const next = items[items.length - 1];
  return next === undefined ? { items } : { items, next };
}

/** A relative `Link` header for the next page, like distribution emits. */
export function nextLink(path: string, n: number, last: string): string {
  return `<${path}?last=${encodeURIComponent(last)}&n=${n}>; rel="next"`;
}

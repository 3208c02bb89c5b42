import type { TagDetails } from '../../store/domain.js';
import { filterRows, parseFilter, type RowFilter } from '../../ui/grid/filter-rows.js';
import { NUMERIC_COLLATOR, sortRows, type SortSpec } from '../../ui/grid/sort-rows.js';
import { archesOf, columnSpec, createdAt, sortValueOf, type TagColumn } from './tag-columns.js';

/** Narrowing by what the details tell (UI.md S5 facets). */
export interface Facets {
  /** Keep tags whose manifest names this architecture. */
  readonly arch?: string | undefined;
  /** Keep tags created more than this many days ago. */
  readonly olderThanDays?: number | undefined;
}

/** What a pane asks of its tags. */
export interface RowQuery {
  readonly filter: string;
  readonly sort: SortSpec<TagColumn>;
  readonly facets: Facets;
}

/** The tags a pane shows, and what the toolbar must say about how they were chosen. */
export interface TagRows {
  readonly rows: readonly string[];
  readonly filter: RowFilter;
  /** Tags a facet left out only because their details are not loaded yet. */
  readonly unknownToFacets: number;
  /** When sorted by a details column: how many shown tags had a value to sort by. */
  readonly sortedWith?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function facetTest(
  facets: Facets,
  now: number,
): ((details: TagDetails | undefined) => boolean | undefined) | undefined {
  const { arch, olderThanDays } = facets;
  if (arch === undefined && olderThanDays === undefined) return undefined;
  const before = olderThanDays === undefined ? undefined : now - olderThanDays * DAY_MS;
  return (details) => {
    if (!details?.ok) return undefined;
    if (arch !== undefined && !archesOf(details).includes(arch)) return false;
    if (before !== undefined) {
      const created = createdAt(details);
      if (created === undefined) return undefined;
      if (created >= before) return false;
    }
    return true;
  };
}

interface TagOrder {
  readonly ascending: readonly string[];
  readonly rank: ReadonlyMap<string, number>;
}

const tagOrders = new WeakMap<readonly string[], TagOrder>();

/**
 * A listing in collator order and each tag's rank in it, computed once per listing: the
 * collator's comparisons are the costly part of a sort, so sorting by tag again (either way)
 * compares ranks. Tags the collator finds equal ("V1", "v1") share a rank.
 */
function tagOrder(tags: readonly string[]): TagOrder {
  let order = tagOrders.get(tags);
  if (!order) {
    const ascending = sortRows(tags, (t) => t, 'ascending');
    const rank = new Map<string, number>();
    let at = 0;
    ascending.forEach((tag, i) => {
      if (i > 0 && NUMERIC_COLLATOR.compare(ascending[i - 1]!, tag) !== 0) at = i;
      rank.set(tag, at);
    });
    order = { ascending, rank };
    tagOrders.set(tags, order);
  }
  return order;
}

/**
 * `tags` in the pane's order: sorted once per listing, sort or (for a details column)
 * details answer, so a filter keystroke never sorts (UI.md budget: sort < 150 ms, filter
 * keystroke < 100 ms at 10,000 tags).
 */
export function sortTags(
  tags: readonly string[],
  sort: RowQuery['sort'],
  details: Readonly<Record<string, TagDetails>> | undefined,
): readonly string[] {
  if (sort.column === 'tag') {
    const { ascending, rank } = tagOrder(tags);
    if (sort.direction === 'ascending') return ascending;
    return sortRows(tags, (tag) => rank.get(tag), 'descending');
  }
  return sortRows(tags, (tag) => sortValueOf(sort.column, tag, details?.[tag]), sort.direction);
}

/**
 * The rows of a pane: the sorted tags kept by the text filter, then by the facets (a tag
 * whose details are unknown is left out and counted). One pass, order kept.
 */
export function narrowTags(
  sorted: readonly string[],
  query: RowQuery,
  details: Readonly<Record<string, TagDetails>> | undefined,
  now: number = Date.now(),
): TagRows {
  const filter = parseFilter(query.filter);
  let rows = filterRows(sorted, (t) => t, filter);
  let unknownToFacets = 0;
  const facet = facetTest(query.facets, now);
  if (facet) {
    rows = rows.filter((tag) => {
      const keep = facet(details?.[tag]);
      if (keep === undefined) unknownToFacets++;
      return keep === true;
    });
  }
  const { column } = query.sort;
  if (!columnSpec(column).needsDetails) return { rows, filter, unknownToFacets };
  const sortedWith = rows.reduce(
    (n, tag) => n + (sortValueOf(column, tag, details?.[tag]) === undefined ? 0 : 1),
    0,
  );
  return { rows, filter, unknownToFacets, sortedWith };
}

/** {@link sortTags} then {@link narrowTags}, for callers without memoised stages. */
export function tagRows(
  tags: readonly string[],
  query: RowQuery,
  details: Readonly<Record<string, TagDetails>> | undefined,
  now: number = Date.now(),
): TagRows {
  return narrowTags(sortTags(tags, query.sort, details), query, details, now);
}

/** The architectures named by the details loaded so far, for the Arch facet. */
export function knownArches(details: Readonly<Record<string, TagDetails>> | undefined): string[] {
  const seen = new Set<string>();
  for (const d of Object.values(details ?? {})) for (const a of archesOf(d)) seen.add(a);
  return [...seen].sort();
}

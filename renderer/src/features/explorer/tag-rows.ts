import type { TagDetails } from '../../store/domain.js';
import { filterRows, parseFilter, type RowFilter } from '../../ui/grid/filter-rows.js';
import { sortRows, type SortSpec } from '../../ui/grid/sort-rows.js';
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

/**
 * The rows of a pane: `tags` filtered by the text filter, then by the facets (a tag whose
 * details are unknown is left out and counted), then sorted. One pass each, so a keystroke
 * costs a filter and a sort of the repository's tags, nothing per row rendered.
 */
export function tagRows(
  tags: readonly string[],
  query: RowQuery,
  details: Readonly<Record<string, TagDetails>> | undefined,
  now: number = Date.now(),
): TagRows {
  const filter = parseFilter(query.filter);
  let rows = filterRows(tags, (t) => t, filter);
  let unknownToFacets = 0;
  const facet = facetTest(query.facets, now);
  if (facet) {
    rows = rows.filter((tag) => {
      const keep = facet(details?.[tag]);
      if (keep === undefined) unknownToFacets++;
      return keep === true;
    });
  }
  const { column, direction } = query.sort;
  const sorted = sortRows(rows, (tag) => sortValueOf(column, tag, details?.[tag]), direction);
  if (!columnSpec(column).needsDetails) return { rows: sorted, filter, unknownToFacets };
  const sortedWith = rows.reduce(
    (n, tag) => n + (sortValueOf(column, tag, details?.[tag]) === undefined ? 0 : 1),
    0,
  );
  return { rows: sorted, filter, unknownToFacets, sortedWith };
}

/** The architectures named by the details loaded so far, for the Arch facet. */
export function knownArches(details: Readonly<Record<string, TagDetails>> | undefined): string[] {
  const seen = new Set<string>();
  for (const d of Object.values(details ?? {})) for (const a of archesOf(d)) seen.add(a);
  return [...seen].sort();
}

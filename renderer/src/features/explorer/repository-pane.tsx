import { useEffect, useMemo, useRef } from 'react';
import { useSifportStore } from '../../store/store.js';
import { keepShown } from '../../ui/grid/selection.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { paneStateOf } from './explorer-slice.js';
import { PaneContext, type PaneContextValue } from './pane-context.js';
import { ListingFailed, ListingTags, EmptyRepository, NoMatch } from './pane-states.js';
import { PaneFilterBar, PaneHeader } from './pane-toolbar.js';
import { PartialNotice } from './partial-notice.js';
import { useRowMenu } from './row-menu.js';
import { SelectionBar } from './selection-bar.js';
import { columnSpec, fitColumns, type TagColumn } from './tag-columns.js';
import { TagGrid } from './tag-grid.js';
import { repoKeyOf } from './tag-reference.js';
import { narrowTags, sortTags } from './tag-rows.js';
import { useWidth } from './use-width.js';

const NO_TAGS: readonly string[] = [];

/** Shows the Details pane and puts the focus on its current tab (Enter on a row). */
function openDetails(): void {
  useSifportStore.getState().toggleFrame('details', true);
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>('aside[aria-label="Details"] [role=tab][aria-selected=true]')
      ?.focus(),
  );
}

/**
 * One pane showing a repository (UI.md S5): toolbar, the grid over the filtered and sorted
 * tags, the states in its place, and the selection bar. Lists the tags once (F5 again).
 */
export function RepositoryPane({
  pane,
  target,
  active,
  split,
}: {
  pane: number;
  target: PaneTarget;
  active: boolean;
  split: boolean;
}) {
  const repoKey = repoKeyOf(target);
  const listing = useSifportStore((s) => s.tagListings[repoKey]);
  const state = useSifportStore((s) => paneStateOf(s, pane, repoKey));
  const density = useSifportStore((s) => s.settings.density);
  const refreshCount = useSifportStore((s) => s.refreshCount);
  const { loadTags, updatePane } = useSifportStore.getState();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const menu = useRowMenu(target);

  useEffect(() => void loadTags(target), [target, loadTags]);
  const seenRefresh = useRef(refreshCount);
  useEffect(() => {
    if (refreshCount === seenRefresh.current) return;
    seenRefresh.current = refreshCount;
    if (active) void loadTags(target, true);
  }, [refreshCount, active, target, loadTags]);

  const tags = listing?.tags ?? NO_TAGS;
  // Only a details sort or facet makes the rows depend on details answers.
  const sortNeeds = columnSpec(state.sort.column).needsDetails;
  const facetsOn = state.facets.arch !== undefined || state.facets.olderThanDays !== undefined;
  const rowDetails = useSifportStore((s) =>
    sortNeeds || facetsOn ? s.tagDetails[repoKey] : undefined,
  );
  const sortDetails = sortNeeds ? rowDetails : undefined;
  const sorted = useMemo(
    () => sortTags(tags, state.sort, sortDetails),
    [tags, state.sort, sortDetails],
  );
  const narrowed = useMemo(
    () =>
      narrowTags(
        sorted,
        { filter: state.filter, sort: state.sort, facets: state.facets },
        rowDetails,
      ),
    [sorted, state.filter, state.sort, state.facets, rowDetails],
  );
  const rows = narrowed.rows;
  useEffect(() => {
    const current = paneStateOf(useSifportStore.getState(), pane, repoKey);
    const kept = keepShown(current, rows);
    if (kept !== current && listing?.status === 'done') updatePane(pane, repoKey, kept);
  }, [rows, pane, repoKey, listing?.status, updatePane]);

  const fit = fitColumns(state.hidden, width);
  const columnIds = fit.shown.map((c) => c.id).join(',');
  const droppedIds = fit.dropped.join(',');
  // Stable while the same columns fit, so the memoised parts below skip a pane re-render.
  const shown = useMemo(
    () => columnIds.split(',').map((id) => columnSpec(id as TagColumn)),
    [columnIds],
  );
  const dropped = useMemo(
    () => (droppedIds ? (droppedIds.split(',') as TagColumn[]) : []),
    [droppedIds],
  );
  const rowHeight = density === 'comfortable' ? 36 : 28;
  const format = useFormatters();
  const context = useMemo<PaneContextValue>(
    () => ({
      format,
      pane,
      target,
      repoKey,
      columns: columnIds.split(',') as PaneContextValue['columns'],
      rowHeight,
      openRowMenu: menu.open,
    }),
    [pane, target, repoKey, columnIds, rowHeight, menu.open, format],
  );

  const counts = useMemo(
    () => ({ total: tags.length, shown: rows.length }),
    [tags.length, rows.length],
  );
  const ready = listing?.status === 'done' || (listing?.status === 'loading' && tags.length > 0);
  let content;
  if (!listing || (listing.status === 'loading' && tags.length === 0))
    content = <ListingTags target={target} />;
  else if (listing.status === 'failed')
    content = <ListingFailed target={target} listing={listing} />;
  else if (tags.length === 0) content = <EmptyRepository target={target} />;
  else if (rows.length === 0)
    content = (
      <NoMatch
        filter={state.filter}
        onClear={() => updatePane(pane, repoKey, { filter: '', facets: {} })}
      />
    );
  else content = <TagGrid rows={rows} columns={shown} onOpen={openDetails} />;

  return (
    <PaneContext.Provider value={context}>
      <PaneHeader active={active} split={split} counts={ready ? counts : undefined} />
      {/* Drawn while the listing loads too: its arrival then only adds the rows. */}
      {listing?.status !== 'failed' && !(listing?.status === 'done' && tags.length === 0) ? (
        <PaneFilterBar active={active} filter={narrowed.filter} dropped={dropped} />
      ) : null}
      {ready ? (
        <PartialNotice
          sortColumn={state.sort.column}
          sortedWith={narrowed.sortedWith}
          shown={rows.length}
          unknownToFacets={narrowed.unknownToFacets}
          total={tags.length}
        />
      ) : null}
      <div ref={box} className="flex min-h-0 flex-1 flex-col overflow-auto">
        {content}
      </div>
      {ready ? <SelectionBar rows={rows} /> : null}
      {menu.element}
    </PaneContext.Provider>
  );
}

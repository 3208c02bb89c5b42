import { memo, useEffect, useMemo, useRef } from 'react';
import { ArrowUpFromLine, RefreshCw } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { IconButton } from '../../ui/button.js';
import { cx } from '../../ui/cx.js';
import { formatCount } from '../../ui/format.js';
import type { RowFilter } from '../../ui/grid/filter-rows.js';
import { SearchInput } from '../../ui/search-field.js';
import { Select } from '../../ui/select.js';
import { paneStateOf } from './explorer-slice.js';
import { usePane } from './pane-context.js';
import type { TagColumn } from './tag-columns.js';
import { knownArches } from './tag-rows.js';
import { ViewOptions } from './view-options.js';

const AGES = [
  { value: 'any', label: 'Any age' },
  { value: '7', label: 'Older than 7 days' },
  { value: '30', label: 'Older than 30 days' },
  { value: '90', label: 'Older than 90 days' },
  { value: '365', label: 'Older than a year' },
] as const;

/** How many tags there are and are shown ("312 of 10,000 tags"). */
export interface PaneCounts {
  readonly total: number;
  readonly shown: number;
}

/** The counts, and how many tags are described so far (it alone re-renders per details answer). */
function Counts({ total, shown }: PaneCounts) {
  const { repoKey } = usePane();
  const details = useSifportStore((s) => s.tagDetails[repoKey]);
  const detailed = useMemo(
    () => Object.values(details ?? {}).filter((d) => d.ok).length,
    [details],
  );
  return (
    <span className="flex shrink-0 items-center gap-1 text-sm whitespace-nowrap text-muted">
      <span role="status">
        {shown !== total ? `${formatCount(shown)} of ` : ''}
        {formatCount(total)} {total === 1 ? 'tag' : 'tags'}
      </span>
      <span
        className="@max-md:hidden"
        title="Tags whose manifest has been read (size, digest, date); rows load theirs as they come into view."
      >
        · {formatCount(detailed)} detailed
      </span>
    </span>
  );
}

/** Pane title: which pane, account › repository, the counts, and the repository's actions. */
export const PaneHeader = memo(function PaneHeader({
  active,
  split,
  counts,
}: {
  active: boolean;
  split: boolean;
  counts?: PaneCounts;
}) {
  const { pane, target } = usePane();
  const account = useSifportStore((s) => s.accounts.find((a) => a.id === target.accountId));
  const { loadTags, requestPush } = useSifportStore.getState();
  // The host first: in two narrow panes it is what tells them apart.
  const who = account
    ? `${target.registry} · ${account.username || 'anonymous'}`
    : `${target.registry} · no account`;
  return (
    <div className="flex h-11 shrink-0 items-center gap-2 px-2">
      {split ? (
        <span
          title={active ? 'Active pane' : 'Click or focus to make this pane active'}
          className={cx(
            'flex size-5 shrink-0 items-center justify-center rounded text-sm font-semibold',
            active ? 'bg-accent text-on-accent' : 'border border-control text-muted',
          )}
        >
          {pane + 1}
          <span className="sr-only">{active ? ' (active pane)' : ''}</span>
        </span>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col leading-tight">
        {/* Right-to-left truncation keeps the end of a long path, the part that tells repositories apart. */}
        <h2
          className="m-0 truncate text-left font-mono text-base font-semibold [direction:rtl]"
          title={target.repository}
        >
          <bdi>{target.repository}</bdi>
        </h2>
        <span className="truncate text-sm text-muted" title={who}>
          {who}
        </span>
      </div>
      {counts ? <Counts {...counts} /> : null}
      <IconButton label="Refresh" shortcut="F5" onPress={() => void loadTags(target, true)}>
        <RefreshCw size={16} />
      </IconButton>
      <IconButton
        label={`Push here… (to ${target.repository})`}
        onPress={() => requestPush(target)}
      >
        <ArrowUpFromLine size={16} />
      </IconButton>
    </div>
  );
});

/** The Arch facet: the architectures the loaded manifests name. */
function ArchFacet({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (arch: string | undefined) => void;
}) {
  const { repoKey } = usePane();
  const details = useSifportStore((s) => s.tagDetails[repoKey]);
  const arches = useMemo(() => knownArches(details), [details]);
  return (
    <Select
      label="Architecture"
      hideLabel
      className="w-28"
      value={value ?? 'any'}
      onChange={(v) => onChange(v === 'any' ? undefined : v)}
      options={[
        { value: 'any', label: 'Any arch' },
        ...arches.map((a) => ({ value: a, label: a })),
        ...(arches.length
          ? []
          : [{ value: 'none', label: 'No manifest names one yet', disabled: true }]),
      ]}
    />
  );
}

/** Filter (Ctrl+F) and facets of a pane (UI.md S5 toolbar). */
export const PaneFilterBar = memo(function PaneFilterBar({
  active,
  filter,
  dropped,
}: {
  active: boolean;
  filter: RowFilter;
  dropped: readonly TagColumn[];
}) {
  const { pane, repoKey } = usePane();
  const state = useSifportStore((s) => paneStateOf(s, pane, repoKey));
  const focusCount = useSifportStore((s) => s.filterFocusCount);
  const { updatePane } = useSifportStore.getState();
  const input = useRef<HTMLInputElement>(null);
  const seen = useRef(focusCount);
  useEffect(() => {
    if (focusCount === seen.current) return;
    seen.current = focusCount;
    if (active) input.current?.select();
  }, [focusCount, active]);
  const invalid = filter.kind === 'invalid' ? filter.message : undefined;
  return (
    <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-line px-2 pb-2">
      <SearchInput
        label="Filter tags"
        value={state.filter}
        onChange={(value) => updatePane(pane, repoKey, { filter: value })}
        placeholder="Filter: text, v2*, /re/"
        invalid={invalid !== undefined}
        describedBy={invalid ? `filter-error-${pane}` : undefined}
        inputRef={input}
        mono
        className="min-w-48 flex-1"
      />
      <ArchFacet
        value={state.facets.arch}
        onChange={(arch) => updatePane(pane, repoKey, { facets: { ...state.facets, arch } })}
      />
      <Select
        label="Age"
        hideLabel
        className="w-40"
        value={
          state.facets.olderThanDays === undefined ? 'any' : String(state.facets.olderThanDays)
        }
        onChange={(v) =>
          updatePane(pane, repoKey, {
            facets: { ...state.facets, olderThanDays: v === 'any' ? undefined : Number(v) },
          })
        }
        options={AGES}
      />
      <ViewOptions dropped={dropped} />
      {invalid ? (
        <p id={`filter-error-${pane}`} role="alert" className="m-0 w-full text-sm text-danger">
          {invalid}
        </p>
      ) : null}
    </div>
  );
});

import type { TagDetails } from '../../store/domain.js';
import type { SortValue } from '../../ui/grid/sort-rows.js';

/**
 * The tag grid's columns (UI.md S5): Tag is always shown; the others can be hidden in View
 * options, and give way in that order of `priority` when a pane is too narrow for them.
 */
export type TagColumn = 'tag' | 'digest' | 'size' | 'created' | 'signed' | 'arch';

/** A column: its header, its CSS grid track, and whether its values need `registry:details`. */
export interface TagColumnSpec {
  readonly id: TagColumn;
  readonly label: string;
  /** Smallest width in px (the pane drops optional columns that do not fit). */
  readonly width: number;
  readonly track: string;
  readonly sortable: boolean;
  readonly needsDetails: boolean;
  readonly align?: 'end';
  /** Lower gives way first in a narrow pane; Tag never does. */
  readonly priority: number;
}

/** In display order. */
export const TAG_COLUMNS: readonly TagColumnSpec[] = [
  {
    id: 'tag',
    label: 'Tag',
    width: 160,
    track: 'minmax(160px,2fr)',
    sortable: true,
    needsDetails: false,
    priority: 9,
  },
  {
    id: 'digest',
    label: 'Digest',
    width: 148,
    track: '148px',
    sortable: true,
    needsDetails: true,
    priority: 2,
  },
  {
    id: 'size',
    label: 'Size',
    width: 88,
    track: '88px',
    sortable: true,
    needsDetails: true,
    align: 'end',
    priority: 5,
  },
  {
    id: 'created',
    label: 'Created',
    width: 112,
    track: '112px',
    sortable: true,
    needsDetails: true,
    priority: 4,
  },
  {
    id: 'signed',
    label: 'Signed',
    width: 80,
    track: '80px',
    sortable: false,
    needsDetails: false,
    priority: 1,
  },
  {
    id: 'arch',
    label: 'Arch',
    width: 88,
    track: 'minmax(88px,1fr)',
    sortable: true,
    needsDetails: true,
    priority: 3,
  },
];

/** Width of the selection checkbox column, in px. */
export const CHECK_WIDTH = 32;

/** The column named `id`. */
export function columnSpec(id: TagColumn): TagColumnSpec {
  return TAG_COLUMNS.find((c) => c.id === id)!;
}

/** The architectures a tag's manifest names ("amd64"), empty when it does not say. */
export function archesOf(details: TagDetails | undefined): readonly string[] {
  if (!details?.ok) return [];
  return details.platforms.map((p) => p.split('/')[1] ?? p);
}

/** When it was created, epoch ms, if the manifest says. */
export function createdAt(details: TagDetails | undefined): number | undefined {
  if (!details?.ok || !details.created) return undefined;
  const ms = Date.parse(details.created);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The value `column` sorts `tag` by; undefined while its details are unknown. */
export function sortValueOf(column: TagColumn, tag: string, details?: TagDetails): SortValue {
  if (column === 'tag') return tag;
  if (!details?.ok) return undefined;
  switch (column) {
    case 'digest':
      return details.digest;
    case 'size':
      return details.size;
    case 'created':
      return createdAt(details);
    case 'arch':
      return archesOf(details).join(', ') || undefined;
    case 'signed':
      return undefined;
  }
}

/**
 * The columns a pane shows: those not hidden by the user, then, lowest priority first, as
 * many optional ones dropped as it takes to fit `width` px (`dropped` says which, so View
 * options can tell the user).
 */
export function fitColumns(
  hidden: ReadonlySet<TagColumn>,
  width: number,
): { readonly shown: readonly TagColumnSpec[]; readonly dropped: readonly TagColumn[] } {
  let shown = TAG_COLUMNS.filter((c) => !hidden.has(c.id));
  const dropped: TagColumn[] = [];
  const total = () => CHECK_WIDTH + shown.reduce((sum, c) => sum + c.width, 0);
  while (width > 0 && total() > width) {
    const weakest = shown.filter((c) => c.id !== 'tag').sort((a, b) => a.priority - b.priority)[0];
    if (!weakest) break;
    dropped.push(weakest.id);
    shown = shown.filter((c) => c !== weakest);
  }
  return { shown, dropped };
}

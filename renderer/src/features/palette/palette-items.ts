import type { AccountItem } from '../../store/domain.js';
import type { DialogState, PaneTarget, Screen } from '../shell/view-slice.js';
import {
  accountItems,
  commandItems,
  historyItems,
  referenceItems,
  repositoryItems,
  screenItems,
} from './palette-entries.js';
import { parseTypedReference } from './oras-reference.js';

/** What choosing a palette entry does; `palette-actions.ts` runs it against the store. */
export type PaletteAction =
  | { readonly kind: 'command'; readonly command: string }
  | { readonly kind: 'navigate'; readonly screen: Screen }
  | { readonly kind: 'open-repository'; readonly target: PaneTarget }
  | { readonly kind: 'dialog'; readonly dialog: DialogState }
  | { readonly kind: 'show-transfers' }
  /** Puts a recent reference in the search field, to offer what can be done with it. */
  | { readonly kind: 'fill'; readonly query: string };

/** The icon an entry shows (the view maps it to a lucide icon). */
export type PaletteIcon =
  | 'account'
  | 'pinned'
  | 'repository'
  | 'screen'
  | 'command'
  | 'reference'
  | 'open'
  | 'pull'
  | 'copy'
  | 'add';

/** One entry of the palette. */
export interface PaletteItem {
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
  /** Searched too, never shown ("proxy" finds Settings › Network). */
  readonly keywords?: string;
  /** Offered only once something is typed (the settings sections). */
  readonly searchOnly?: boolean;
  /** Its binding in `ui/keymap.ts` terms ("Mod+,"), shown as keys. */
  readonly keys?: string;
  readonly icon: PaletteIcon;
  readonly action: PaletteAction;
}

/** A titled group of entries (Go to, Actions, Recent references, or the typed reference). */
export interface PaletteSection {
  readonly id: string;
  readonly title: string;
  readonly items: readonly PaletteItem[];
}

/** What the palette draws its entries from: the store, reduced to plain data. */
export interface PaletteSource {
  readonly accounts: readonly AccountItem[];
  readonly pinned: Readonly<Record<string, readonly string[]>>;
  readonly recent: Readonly<Record<string, readonly string[]>>;
  /** Registry references of recent transfers, newest first. */
  readonly references: readonly string[];
  /** `paletteCommands()` with each one's keys. */
  readonly commands: readonly {
    readonly id: string;
    readonly label: string;
    readonly keys?: string;
  }[];
  /** Settings sections, to go straight to one. */
  readonly settingsSections: readonly {
    readonly id: string;
    readonly label: string;
    readonly keywords?: string;
  }[];
}

/** Entries shown per group before anything is typed, and at most after. */
const IDLE_LIMIT = 12;
const MATCH_LIMIT = 40;

/**
 * How well `item` matches `query`: every word of the query must be in its label, detail or
 * keywords (case aside); lower is better (label starts with the query, then contains it);
 * undefined for no match.
 */
export function matchScore(item: PaletteItem, query: string): number | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return 2;
  const label = item.label.toLowerCase();
  const haystack = `${label} ${item.detail ?? ''} ${item.keywords ?? ''}`.toLowerCase();
  if (!q.split(/\s+/).every((word) => haystack.includes(word))) return undefined;
  if (label.startsWith(q)) return 0;
  return label.includes(q) ? 1 : 2;
}

function ranked(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const searching = query.trim() !== '';
  return items
    .filter((item) => searching || !item.searchOnly)
    .map((item, index) => ({ item, index, score: matchScore(item, query) }))
    .filter((x): x is { item: PaletteItem; index: number; score: number } => x.score !== undefined)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, searching ? MATCH_LIMIT : IDLE_LIMIT)
    .map((x) => x.item);
}

/**
 * The palette's groups for `query` (UI.md S14). A typed or pasted `oras://` reference gives
 * one group: what can be done with it. Otherwise Go to (accounts, pinned and recent
 * repositories, screens), Actions (the command table, with keys) and Recent references,
 * filtered and ranked; empty groups are left out.
 */
export function paletteSections(query: string, source: PaletteSource): PaletteSection[] {
  const typed = parseTypedReference(query);
  if (typed) {
    return [
      { id: 'reference', title: typed.reference, items: referenceItems(typed, source.accounts) },
    ];
  }
  const groups: PaletteSection[] = [
    {
      id: 'go-to',
      title: 'Go to',
      items: ranked(
        [...accountItems(source), ...repositoryItems(source), ...screenItems(source)],
        query,
      ),
    },
    { id: 'actions', title: 'Actions', items: ranked(commandItems(source), query) },
    { id: 'references', title: 'Recent references', items: ranked(historyItems(source), query) },
  ];
  return groups.filter((g) => g.items.length > 0);
}

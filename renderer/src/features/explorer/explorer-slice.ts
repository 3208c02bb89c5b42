import type { TagDetails } from '../../store/domain.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';
import type { SifportState } from '../../store/store.js';
import { EMPTY_SELECTION, type Selection } from '../../ui/grid/selection.js';
import { createDocumentsSlice, type DocumentsSlice } from '../details/details-documents.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { DetailsQueue, type DetailsBatch } from './details-queue.js';
import type { TagColumn } from './tag-columns.js';
import { apptainerPull, repoKeyOf, repositoryReference, tagReference } from './tag-reference.js';
import type { RowQuery } from './tag-rows.js';

/** One pane's view of its repository: filter, sort, facets, columns and selection. */
export interface PaneState extends Selection, RowQuery {
  /** The repository this state is about; another repository starts from {@link DEFAULT_PANE}. */
  readonly repoKey: string;
  /** Columns the user hid in View options. */
  readonly hidden: ReadonlySet<TagColumn>;
}

/** A pane as it opens: sorted by tag, nothing filtered or selected. */
export const DEFAULT_PANE: PaneState = {
  ...EMPTY_SELECTION,
  repoKey: '',
  filter: '',
  sort: { column: 'tag', direction: 'ascending' },
  facets: {},
  hidden: new Set(),
};

/** A repository's tag listing (one `registry:tags` call, kept until Refresh). */
export interface TagListing {
  readonly status: 'loading' | 'done' | 'failed';
  readonly tags: readonly string[];
  readonly error?: ErrorState;
  /** RATE_LIMITED: when the pane's countdown asks again by itself, epoch ms. */
  readonly retryAt?: number;
}

/** The explorer slice (UI.md S5, S6): listings, details and each pane's view of them. */
export interface ExplorerSlice extends DocumentsSlice {
  /** By {@link repoKeyOf}. */
  readonly tagListings: Readonly<Record<string, TagListing>>;
  /** By repository key, then tag: one `registry:details` row each. */
  readonly tagDetails: Readonly<Record<string, Readonly<Record<string, TagDetails>>>>;
  readonly explorerPanes: readonly PaneState[];
  /** Lists the tags of `target` once; `force` (Refresh) lists again and forgets the details. */
  loadTags(target: PaneTarget, force?: boolean): Promise<void>;
  /** The rows pane `pane` shows now (visible ±50, in order of need): their details are fetched. */
  showDetailsFor(pane: number, target: PaneTarget, tags: readonly string[]): void;
  /** The Details pane's tag: its details are fetched if no pane has asked for them yet. */
  ensureTagDetails(target: PaneTarget, tag: string): void;
  /** "Load all": details of every tag of `target`, after what the panes show. */
  loadAllDetails(target: PaneTarget): void;
  /** Changes pane `pane`'s view of `repoKey` (a new repository starts from the default). */
  updatePane(pane: number, repoKey: string, patch: Partial<PaneState>): void;
  /** AUTH_REQUIRED on a cloud login: mints a new token for the pane's account, then lists again. */
  renewAndReload(target: PaneTarget): Promise<void>;
  /** Ctrl+Shift+C: puts the focused tag's `apptainer pull` command on the clipboard. */
  copyPullCommand(): void;
}

/** How long a rate-limited listing waits before asking again (the answer's delay is not passed on). */
export const RATE_LIMIT_WAIT_MS = 30_000;

const defaults = new Map<string, PaneState>();

/**
 * Pane `pane`'s state for `repoKey`: its own if it is about that repository, else the
 * default, the same object each time (components select it, and a new object per call
 * would render them forever).
 */
export function paneStateOf(state: SifportState, pane: number, repoKey: string): PaneState {
  const own = state.explorerPanes[pane];
  if (own?.repoKey === repoKey) return own;
  let fresh = defaults.get(repoKey);
  if (!fresh) defaults.set(repoKey, (fresh = { ...DEFAULT_PANE, repoKey }));
  return fresh;
}

/** The tag the active pane's Details and Ctrl+Shift+C are about: focused, else the one selected. */
export function activeTag(state: SifportState): { target: PaneTarget; tag: string } | undefined {
  const target = state.panes[state.activePane];
  if (!target) return undefined;
  const pane = paneStateOf(state, state.activePane, repoKeyOf(target));
  const tag = pane.focused ?? (pane.selected.size === 1 ? [...pane.selected][0] : undefined);
  return tag === undefined ? undefined : { target, tag };
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    // Read off globalThis: slice tests run under Node, which has no clipboard.
    const page = globalThis as {
      navigator?: { clipboard?: { writeText(t: string): Promise<void> } };
    };
    await page.navigator!.clipboard!.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function failedDetails(tags: readonly string[], err: unknown): Record<string, TagDetails> {
  const { code, message } = errorState(err);
  const error = { code: code as Extract<TagDetails, { ok: false }>['error']['code'], message };
  return Object.fromEntries(tags.map((tag) => [tag, { tag, ok: false as const, error }]));
}

/** Creates the explorer slice; a late answer for a repository refreshed since is dropped. */
export const createExplorerSlice: SliceOf<ExplorerSlice> = (host) => (set, get, api) => {
  const generation = new Map<string, number>();
  const runBatch = async ({ repoKey, tags }: DetailsBatch): Promise<void> => {
    const gen = generation.get(repoKey) ?? 0;
    let answer: Record<string, TagDetails>;
    try {
      const { details } = await host.invoke('registry:details', {
        repository: `oras://${repoKey}`,
        tags: [...tags],
      });
      answer = Object.fromEntries(details.map((d) => [d.tag, d]));
    } catch (err) {
      answer = failedDetails(tags, err);
    }
    if ((generation.get(repoKey) ?? 0) !== gen) return;
    set((s) => ({
      tagDetails: { ...s.tagDetails, [repoKey]: { ...s.tagDetails[repoKey], ...answer } },
    }));
  };
  const queue = new DetailsQueue(
    runBatch,
    (repoKey, tag) => get().tagDetails[repoKey]?.[tag] !== undefined,
  );
  const putListing = (key: string, listing: TagListing) =>
    set((s) => ({ tagListings: { ...s.tagListings, [key]: listing } }));

  return {
    ...createDocumentsSlice(host)(set, get, api),
    tagListings: {},
    tagDetails: {},
    explorerPanes: [DEFAULT_PANE, DEFAULT_PANE],
    async loadTags(target, force = false) {
      const key = repoKeyOf(target);
      const before = get().tagListings[key];
      if (!force && before && before.status !== 'failed') return;
      if (before?.status === 'loading') return;
      if (force) {
        generation.set(key, (generation.get(key) ?? 0) + 1);
        queue.forget(key);
        set((s) => ({ tagDetails: { ...s.tagDetails, [key]: {} } }));
      }
      putListing(key, { status: 'loading', tags: before?.tags ?? [] });
      performance.mark('sifport:tags-requested', { detail: key });
      try {
        const { tags } = await host.invoke('registry:tags', {
          repository: repositoryReference(target),
        });
        performance.mark('sifport:tags-received', { detail: key });
        putListing(key, { status: 'done', tags });
      } catch (err) {
        const error = errorState(err);
        const retryAt = error.code === 'RATE_LIMITED' ? Date.now() + RATE_LIMIT_WAIT_MS : undefined;
        putListing(key, { status: 'failed', tags: [], error, retryAt });
      }
    },
    showDetailsFor: (pane, target, tags) => queue.want(`pane-${pane}`, repoKeyOf(target), tags),
    ensureTagDetails: (target, tag) => queue.want('details-pane', repoKeyOf(target), [tag]),
    loadAllDetails(target) {
      const key = repoKeyOf(target);
      queue.want(`all-${key}`, key, get().tagListings[key]?.tags ?? [], true);
    },
    updatePane(pane, repoKey, patch) {
      const panes = [...get().explorerPanes];
      panes[pane] = { ...paneStateOf(get(), pane, repoKey), ...patch, repoKey };
      set({ explorerPanes: panes });
    },
    async renewAndReload(target) {
      try {
        await host.invoke('accounts:renew', { id: target.accountId });
      } catch (err) {
        putListing(repoKeyOf(target), { status: 'failed', tags: [], error: errorState(err) });
        return;
      }
      await get().loadTags(target, true);
    },
    copyPullCommand() {
      const found = activeTag(get());
      if (!found) {
        get().announce('Select a tag first: there is no pull command to copy.', 'assertive');
        return;
      }
      const command = apptainerPull(tagReference(found.target, found.tag));
      void writeClipboard(command).then((ok) =>
        get().announce(
          ok ? `Copied: ${command}` : 'The clipboard refused the pull command.',
          ok ? 'polite' : 'assertive',
        ),
      );
    },
  };
};

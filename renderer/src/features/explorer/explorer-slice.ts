import type { SliceOf } from '../../store/slice.js';

/** What the tags explorer shows: the last repository asked for and its answer. */
export interface ExplorerView {
  readonly repository: string;
  readonly status: 'idle' | 'loading' | 'done' | 'failed';
  readonly tags: readonly string[];
  readonly error?: string;
}

/** The explorer slice (S5, S6): tag listings per repository, selection, details. */
export interface ExplorerSlice {
  readonly explorer: ExplorerView;
  listTags(repository: string): Promise<void>;
  /** Ctrl+Shift+C: puts the selected tag's `apptainer pull` command on the clipboard. */
  copyPullCommand(): void;
}

/** Creates the explorer slice; a late answer for another repository is ignored. */
export const createExplorerSlice: SliceOf<ExplorerSlice> = (host) => (set, get) => ({
  explorer: { repository: '', status: 'idle', tags: [] },
  async listTags(repository) {
    set({ explorer: { repository, status: 'loading', tags: [] } });
    const settle = (view: ExplorerView): void => {
      if (get().explorer.repository === repository) set({ explorer: view });
    };
    try {
      const { tags } = await host.invoke('registry:tags', { repository });
      settle({ repository, status: 'done', tags });
    } catch (err) {
      settle({ repository, status: 'failed', tags: [], error: (err as Error).message });
    }
  },
  copyPullCommand: () => undefined,
});

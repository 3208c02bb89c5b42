import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';
import { togglePinned } from './sidebar-model.js';

/** A host call's answer, or the error state to show with its action. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorState };

/** One account's repository list (UI.md S4), as the account page shows it. */
export interface RepositoryList {
  readonly status: 'loading' | 'ready' | 'failed' | 'cancelled';
  readonly repositories: readonly string[];
  readonly error?: ErrorState;
  /** When the list was read, epoch ms. */
  readonly loadedAt?: number;
  /** Which call the list waits for: a cancelled or superseded call's answer is dropped. */
  readonly call: number;
}

/** The repository lists and pins of the accounts. */
export interface RepositoriesSlice {
  readonly repositoryLists: Readonly<Record<string, RepositoryList>>;
  /** Reads the account's repositories (`registry:repos`), within its namespace when scoped. */
  loadRepositories(accountId: string): Promise<void>;
  /**
   * Lists the account's repositories once for the target pickers (push sheet, Copy dialog);
   * `force` asks again after an answer.
   */
  loadRepositoryList(accountId: string, force?: boolean): Promise<void>;
  /** Stops waiting for a listing in progress; what was listed before stays. */
  cancelRepositories(accountId: string): void;
  /** Pins or unpins a repository in the sidebar (kept in the settings). */
  togglePin(accountId: string, repository: string): void;
  /** Pins a repository unless it is pinned already ("Add by name…"). */
  pinRepository(accountId: string, repository: string): void;
}

let calls = 0;

/** True when `repository` lies in `namespace` (a path prefix, as the engine decides). */
function inNamespace(repository: string, namespace: string | undefined): boolean {
  return !namespace || repository === namespace || repository.startsWith(`${namespace}/`);
}

/** Creates the repositories part of the accounts slice. */
export const createRepositoriesSlice: SliceOf<RepositoriesSlice> = (host) => (set, get) => {
  const put = (id: string, list: RepositoryList): void =>
    set((s) => ({ repositoryLists: { ...s.repositoryLists, [id]: list } }));
  return {
    repositoryLists: {},
    async loadRepositories(accountId) {
      const account = get().accounts.find((a) => a.id === accountId);
      if (!account) return;
      const call = ++calls;
      const before = get().repositoryLists[accountId];
      put(accountId, { status: 'loading', repositories: before?.repositories ?? [], call });
      let next: RepositoryList;
      try {
        const { repositories } = await host.invoke('registry:repos', {
          registry: account.registry,
        });
        next = {
          status: 'ready',
          repositories: repositories.filter((r) => inNamespace(r, account.namespace)),
          loadedAt: Date.now(),
          call,
        };
      } catch (err) {
        next = { status: 'failed', repositories: [], error: errorState(err), call };
      }
      if (get().repositoryLists[accountId]?.call === call) put(accountId, next);
    },
    async loadRepositoryList(accountId, force = false) {
      const known = get().repositoryLists[accountId];
      if (known && (known.status === 'loading' || !force)) return;
      await get().loadRepositories(accountId);
    },
    cancelRepositories(accountId) {
      const list = get().repositoryLists[accountId];
      if (list?.status !== 'loading') return;
      put(accountId, { ...list, status: 'cancelled', call: ++calls });
    },
    togglePin(accountId, repository) {
      const { settings, updateSettings } = get();
      void updateSettings({
        pinnedRepositories: {
          ...settings.pinnedRepositories,
          [accountId]: togglePinned(settings.pinnedRepositories[accountId], repository),
        },
      });
    },
    pinRepository(accountId, repository) {
      if (get().settings.pinnedRepositories[accountId]?.includes(repository)) return;
      get().togglePin(accountId, repository);
    },
  };
};

import { errorState, type SliceOf } from '../../store/slice.js';
import type { RepositoryList } from './target-check.js';

/**
 * The targets slice: what the target pickers (push sheet, Copy dialog) offer, fetched once
 * per account while the window is open and again on refresh.
 */
export interface TargetsSlice {
  /** Catalog answers by account id. */
  readonly repositoryLists: Readonly<Record<string, RepositoryList>>;
  /** Lists the account's repositories; `force` asks again after an answer. */
  loadRepositoryList(accountId: string, force?: boolean): Promise<void>;
  /**
   * Mints a new token for a cloud account (`accounts:renew`): the push sheet's token warning,
   * the status bar's and a failed transfer's Renew. Says in the bell how it went.
   */
  renewAccount(accountId: string): Promise<boolean>;
}

/** Creates the targets slice over `registry:repos`; a late answer for a removed account is dropped. */
export const createTargetsSlice: SliceOf<TargetsSlice> = (host) => (set, get) => {
  const put = (accountId: string, list: RepositoryList): void =>
    set((s) => ({ repositoryLists: { ...s.repositoryLists, [accountId]: list } }));
  return {
    repositoryLists: {},
    async loadRepositoryList(accountId, force = false) {
      const account = get().accounts.find((a) => a.id === accountId);
      const known = get().repositoryLists[accountId];
      if (!account || (known && (known.status === 'loading' || !force))) return;
      put(accountId, { status: 'loading', repositories: known?.repositories ?? [] });
      try {
        const { repositories } = await host.invoke('registry:repos', {
          registry: account.registry,
          caFile: account.caFile,
          insecure: account.insecure,
          plainHttp: account.plainHttp,
        });
        put(accountId, { status: 'done', repositories });
      } catch (err) {
        put(accountId, { status: 'failed', repositories: [], error: errorState(err) });
      }
    },
    async renewAccount(accountId) {
      try {
        const { account } = await host.invoke('accounts:renew', { id: accountId });
        get().notify({ tone: 'success', title: `Renewed the token of ${account.registry}` });
        await get().loadAccounts();
        return true;
      } catch (err) {
        const { message } = errorState(err);
        get().notify({ tone: 'danger', title: 'Could not renew the token', body: message });
        get().announce(`Could not renew the token: ${message}`, 'assertive');
        return false;
      }
    },
  };
};

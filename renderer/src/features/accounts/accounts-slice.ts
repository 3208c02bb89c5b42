import type { RequestOf, ResponseOf } from '../../../../shared/contract.js';
import type { AccountItem, ProviderItem, SecretStorageInfo } from '../../store/domain.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';
import { accountLabel, type AccountTest } from './account-status.js';
import {
  createRepositoriesSlice,
  type Outcome,
  type RepositoriesSlice,
} from './repositories-slice.js';
import { sidebarOrder, withoutAccount } from './sidebar-model.js';

/** A login an import found (preview). */
export type FoundLogin = NonNullable<ResponseOf<'accounts:import'>['found']>[number];
/** What an import saved and skipped. */
export type ImportReport = Omit<ResponseOf<'accounts:import'>, 'found'>;
/** A provider detected from something pasted. */
export type Detected = ResponseOf<'providers:detect'>;

/** A cloud account's "Renew" in progress or failed. */
export interface Renewal {
  readonly status: 'renewing' | 'failed';
  readonly error?: ErrorState;
}

/**
 * The accounts slice (UI.md S1–S4): the list in sidebar order, how secrets are kept, the
 * providers, and what tests and renewals said this session. Secrets go to the host in
 * `addAccount` and are never kept here.
 */
export interface AccountsSlice extends RepositoriesSlice {
  readonly accounts: readonly AccountItem[];
  readonly accountsLoaded: boolean;
  readonly storage?: SecretStorageInfo;
  readonly providers: readonly ProviderItem[];
  readonly accountsError?: ErrorState;
  readonly tests: Readonly<Record<string, AccountTest>>;
  readonly renewals: Readonly<Record<string, Renewal>>;
  loadAccounts(): Promise<void>;
  loadProviders(): Promise<void>;
  detectProvider(input: string): Promise<Outcome<Detected>>;
  /** Tests (unless `skipTest`) and saves; the answer has the account and its capabilities. */
  addAccount(request: RequestOf<'accounts:add'>): Promise<Outcome<AccountItem>>;
  /** Removes the account, its pins and recent repositories; leaves its page if it is open. */
  removeAccount(id: string): Promise<Outcome<boolean>>;
  testAccount(id: string): Promise<void>;
  renewAccount(id: string): Promise<boolean>;
  /** What an import would bring, saving nothing. */
  previewImport(helpers: boolean): Promise<Outcome<readonly FoundLogin[]>>;
  importLogins(select: readonly string[], helpers: boolean): Promise<Outcome<ImportReport>>;
  /** The docker-config text of an account and the warning that goes with it. */
  exportAccount(id: string): Promise<Outcome<ResponseOf<'accounts:export'>>>;
  /** The desktop's file dialog for a registry's CA certificate; undefined when cancelled. */
  chooseCaFile(): Promise<string | undefined>;
}

/** Runs a host call, turning a failure into its {@link ErrorState}. */
export async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return { ok: false, error: errorState(err) };
  }
}

/** Creates the accounts slice; the host's `accounts:changed` makes the window load it again. */
export const createAccountsSlice: SliceOf<AccountsSlice> = (host) => (set, get, store) => {
  const label = (id: string): string => {
    const account = get().accounts.find((a) => a.id === id);
    return account ? accountLabel(account) : id;
  };
  return {
    ...createRepositoriesSlice(host)(set, get, store),
    accounts: [],
    accountsLoaded: false,
    providers: [],
    tests: {},
    renewals: {},
    async loadAccounts() {
      try {
        const { accounts, storage } = await host.invoke('accounts:list', {});
        set({ accounts: sidebarOrder(accounts), storage, accountsLoaded: true });
        set({ accountsError: undefined });
      } catch (err) {
        set({ accountsError: errorState(err), accountsLoaded: true });
      }
    },
    async loadProviders() {
      const answer = await attempt(() => host.invoke('providers:list', {}));
      if (answer.ok) set({ providers: answer.value.providers });
      else set({ accountsError: answer.error });
    },
    detectProvider: (input) => attempt(() => host.invoke('providers:detect', { input })),
    async addAccount(request) {
      const answer = await attempt(() => host.invoke('accounts:add', request));
      if (!answer.ok) return answer;
      const { account } = answer.value;
      set((s) => ({ tests: { ...s.tests, [account.id]: { status: 'ok' } } }));
      await get().loadAccounts();
      get().announce(`Added ${accountLabel(account)}.`);
      return { ok: true, value: account };
    },
    async removeAccount(id) {
      const name = label(id);
      const answer = await attempt(() => host.invoke('accounts:remove', { id }));
      if (!answer.ok) return answer;
      const { settings, updateSettings, screen } = get();
      void updateSettings({
        pinnedRepositories: withoutAccount(settings.pinnedRepositories, id),
        recentRepositories: withoutAccount(settings.recentRepositories, id),
      });
      if (screen.kind === 'account' && screen.accountId === id) get().navigate({ kind: 'home' });
      await get().loadAccounts();
      get().announce(`Removed ${name}.`);
      return { ok: true, value: answer.value.removed };
    },
    async testAccount(id) {
      const put = (test: AccountTest): void => set((s) => ({ tests: { ...s.tests, [id]: test } }));
      put({ status: 'testing' });
      const answer = await attempt(() => host.invoke('accounts:test', { id }));
      if (answer.ok) {
        put({ status: 'ok' });
        get().announce(`${label(id)}: the test passed.`);
        await get().loadAccounts();
      } else {
        put({ status: 'failed', error: answer.error });
        get().announce(`${label(id)}: the test failed. ${answer.error.message}`, 'assertive');
      }
    },
    async renewAccount(id) {
      const put = (renewal: Renewal | undefined): void =>
        set((s) => ({
          renewals: { ...withoutAccount(s.renewals, id), ...(renewal ? { [id]: renewal } : {}) },
        }));
      put({ status: 'renewing' });
      const answer = await attempt(() => host.invoke('accounts:renew', { id }));
      if (answer.ok) {
        put(undefined);
        get().announce(`${label(id)}: a new token was minted.`);
        get().notify({ tone: 'success', title: `Renewed the token of ${label(id)}` });
        await get().loadAccounts();
        return true;
      }
      put({ status: 'failed', error: answer.error });
      get().announce(`${label(id)}: renewing failed. ${answer.error.message}`, 'assertive');
      get().notify({
        tone: 'danger',
        title: 'Could not renew the token',
        body: answer.error.message,
      });
      return false;
    },
    async previewImport(helpers) {
      const answer = await attempt(() =>
        host.invoke('accounts:import', { preview: true, helpers }),
      );
      return answer.ok ? { ok: true, value: answer.value.found ?? [] } : answer;
    },
    async importLogins(select, helpers) {
      const answer = await attempt(() =>
        host.invoke('accounts:import', { select: [...select], helpers }),
      );
      if (answer.ok) await get().loadAccounts();
      return answer;
    },
    exportAccount: (id) => attempt(() => host.invoke('accounts:export', { ids: [id] })),
    async chooseCaFile() {
      const answer = await attempt(() =>
        host.invoke('dialog:openFile', { title: 'Choose the registry’s CA certificate (PEM)' }),
      );
      return answer.ok ? answer.value.paths[0] : undefined;
    },
  };
};

import type { RequestOf, ResponseOf } from '../../../../shared/contract.js';
import type { SliceOf } from '../../store/slice.js';

/** An account as listed (no secret ever reaches the renderer). */
export type AccountItem = ResponseOf<'accounts:list'>['accounts'][number];
/** A provider and its login ritual. */
export type ProviderItem = ResponseOf<'providers:list'>['providers'][number];
/** The result of "Test connection" for one account. */
export interface AccountTest {
  readonly status: 'testing' | 'ok' | 'failed';
  readonly capabilities?: ResponseOf<'accounts:test'>['capabilities'];
  readonly error?: string;
}

/** The accounts slice (issue #4): the list, the providers, and what the last actions said. */
export interface AccountsSlice {
  readonly accounts: readonly AccountItem[];
  readonly storage?: ResponseOf<'accounts:list'>['storage'];
  readonly providers: readonly ProviderItem[];
  readonly accountsError?: string;
  readonly tests: Readonly<Record<string, AccountTest>>;
  /** Shown after adding a personal access token: revoke it when done (dismissable). */
  readonly revokeReminder?: string;
  readonly importSummary?: string;
  loadAccounts(): Promise<void>;
  loadProviders(): Promise<void>;
  /** Adds an account; resolves undefined on success, else the error message to show. */
  addAccount(request: RequestOf<'accounts:add'>): Promise<string | undefined>;
  removeAccount(id: string): Promise<void>;
  testAccount(id: string): Promise<void>;
  importAccounts(): Promise<void>;
  dismissReminder(): void;
}

const message = (err: unknown): string => (err as Error).message;

/** Creates the accounts slice; every change is refetched (the host also says `accounts:changed`). */
export const createAccountsSlice: SliceOf<AccountsSlice> = (host) => (set, get) => ({
  accounts: [],
  providers: [],
  tests: {},
  async loadAccounts() {
    try {
      const { accounts, storage } = await host.invoke('accounts:list', {});
      set({ accounts, storage, accountsError: undefined });
    } catch (err) {
      set({ accountsError: message(err) });
    }
  },
  async loadProviders() {
    try {
      set({ providers: (await host.invoke('providers:list', {})).providers });
    } catch (err) {
      set({ accountsError: message(err) });
    }
  },
  async addAccount(request) {
    try {
      const { account } = await host.invoke('accounts:add', request);
      const preset = get().providers.find((p) => p.id === request.provider);
      const token = request.secret !== undefined && /token/i.test(preset?.secretHint ?? '');
      set((s) => ({
        tests: account.capabilities
          ? { ...s.tests, [account.id]: { status: 'ok', capabilities: account.capabilities } }
          : s.tests,
        revokeReminder: token
          ? `If the secret for ${account.username} on ${account.registry} is a personal access token made only for this, revoke it in the registry once you no longer need it.`
          : s.revokeReminder,
      }));
      await get().loadAccounts();
      return undefined;
    } catch (err) {
      return message(err);
    }
  },
  async removeAccount(id) {
    try {
      await host.invoke('accounts:remove', { id });
      await get().loadAccounts();
    } catch (err) {
      set({ accountsError: message(err) });
    }
  },
  async testAccount(id) {
    const put = (test: AccountTest): void => set((s) => ({ tests: { ...s.tests, [id]: test } }));
    put({ status: 'testing' });
    try {
      const { capabilities } = await host.invoke('accounts:test', { id });
      put({ status: 'ok', capabilities });
    } catch (err) {
      put({ status: 'failed', error: message(err) });
    }
  },
  async importAccounts() {
    try {
      const { imported, skipped } = await host.invoke('accounts:import', {});
      const lines = [
        `Imported ${imported.length} login(s)${imported.length ? ':' : '.'}`,
        ...imported.map((i) => `${i.username} on ${i.registry} from ${i.origin}`),
        ...skipped.map((s) => `Skipped ${s.registry} (${s.file}): ${s.reason}`),
      ];
      set({ importSummary: lines.join('\n') });
      await get().loadAccounts();
    } catch (err) {
      set({ accountsError: message(err) });
    }
  },
  dismissReminder: () => set({ revokeReminder: undefined }),
});

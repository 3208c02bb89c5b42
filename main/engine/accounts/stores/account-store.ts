import type { Account } from '../account.js';
import { PrivateJsonFile } from './private-json-file.js';

/**
 * Where account metadata lives (no secrets: those are in a `SecretStore`). Small on
 * purpose (STYLE §10); the CLI keeps a 0600 `accounts.json`, tests and sessions use memory.
 */
export interface AccountStore {
  /** Every account, oldest first. */
  list(): Promise<Account[]>;
  /** Adds the account or replaces the one with its id. */
  put(account: Account): Promise<void>;
  /** Removes the account; resolves false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** An {@link AccountStore} that forgets when the process ends. */
export class MemoryAccountStore implements AccountStore {
  private readonly map = new Map<string, Account>();
  async list(): Promise<Account[]> {
    return [...this.map.values()].sort((a, b) => a.createdAt - b.createdAt);
  }
  async put(account: Account): Promise<void> {
    this.map.set(account.id, { ...account });
  }
  async delete(id: string): Promise<boolean> {
    return this.map.delete(id);
  }
}

interface AccountsDoc {
  version: 1;
  accounts: Account[];
}

function validAccount(value: unknown): value is Account {
  const v = value as Record<string, unknown> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    ['id', 'provider', 'registry', 'username', 'secretKind', 'source'].every(
      (k) => typeof v[k] === 'string',
    ) &&
    typeof v['createdAt'] === 'number'
  );
}

function parseAccounts(value: unknown): AccountsDoc | undefined {
  const accounts = (value as { accounts?: unknown } | null)?.accounts;
  if (!Array.isArray(accounts) || !accounts.every(validAccount)) return undefined;
  return { version: 1, accounts };
}

/** The CLI's {@link AccountStore}: `accounts.json` (0600, atomic, corrupt files kept aside). */
export class FileAccountStore implements AccountStore {
  private readonly doc: PrivateJsonFile<AccountsDoc>;

  constructor(file: string, options: { onWarning?: ((message: string) => void) | undefined } = {}) {
    this.doc = new PrivateJsonFile(file, {
      parse: parseAccounts,
      empty: () => ({ version: 1, accounts: [] }),
      label: 'accounts file',
      onWarning: options.onWarning,
    });
  }

  async list(): Promise<Account[]> {
    return (await this.doc.read()).accounts.sort((a, b) => a.createdAt - b.createdAt);
  }

  put(account: Account): Promise<void> {
    return this.doc.update((d) => {
      d.accounts = [...d.accounts.filter((a) => a.id !== account.id), account];
    });
  }

  async delete(id: string): Promise<boolean> {
    if (!(await this.list()).some((a) => a.id === id)) return false;
    return this.doc.update((d) => {
      const before = d.accounts.length;
      d.accounts = d.accounts.filter((a) => a.id !== id);
      return d.accounts.length < before;
    });
  }
}

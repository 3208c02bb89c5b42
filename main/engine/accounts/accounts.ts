import { randomBytes } from 'node:crypto';
import type { Credential, CredentialProvider } from '../registry/auth/credentials.js';
import { normalizeNamespace, pickAccount, type Account } from './account.js';
import {
  accountCredentialProvider,
  credentialOf,
  missingSecret,
  SecretStoreTokenCache,
} from './cloud/account-credentials.js';
import type { AccountStore } from './stores/account-store.js';
import { CloudTokens, type CloudTokensOptions } from './cloud/cloud-tokens.js';
import type { CredentialStore, StoredLogin } from './stores/credential-store.js';
import {
  loginAccount,
  loginAccountId,
  loginRegistryOf,
  withLoginAccounts,
} from './stores/login-accounts.js';
import type { SecretStore } from './stores/secret-store.js';

/** Options of {@link Accounts}. */
export interface AccountsOptions {
  readonly store: AccountStore;
  readonly secrets: SecretStore;
  /**
   * The CLI's `logins.json`, kept as the home of host-wide password logins (what `login`
   * writes, what older versions wrote): each entry is an account with id `login:HOST`.
   */
  readonly logins?: CredentialStore | undefined;
  /** How cloud tokens are minted; their cache is always the secret store. */
  readonly cloud?: Omit<CloudTokensOptions, 'cache' | 'now'> | undefined;
  readonly now?: (() => number) | undefined;
}

/** Input of {@link Accounts.add}: an account without the fields the store fills in. */
export type NewAccount = Omit<Account, 'id' | 'createdAt'> & { readonly id?: string | undefined };

/**
 * The accounts of one user (issue #4): metadata in an {@link AccountStore}, secrets in a
 * {@link SecretStore}, cloud tokens minted on demand and cached with their expiry. Hands the
 * registry client a credential provider that picks the account whose namespace matches the
 * repository, and that re-mints a cloud token when the registry rejects it.
 */
export class Accounts {
  readonly cloud: CloudTokens;
  private readonly now: () => number;

  constructor(private readonly o: AccountsOptions) {
    this.now = o.now ?? Date.now;
    this.cloud = new CloudTokens({
      ...o.cloud,
      cache: new SecretStoreTokenCache(o.secrets),
      now: this.now,
    });
  }

  /** Every account: stored ones and the host-wide logins of `logins.json`, oldest first. */
  async list(): Promise<Account[]> {
    const stored = await this.o.store.list();
    return this.o.logins ? withLoginAccounts(stored, this.o.logins) : stored;
  }

  /** The account with this id, if any. */
  async get(id: string): Promise<Account | undefined> {
    return (await this.list()).find((a) => a.id === id);
  }

  /**
   * Saves a new account and its secret (none for cloud-command accounts). A host-wide
   * password account of Sifport's own goes to `logins.json` when there is one, exactly as
   * `login` saves it; imported accounts keep their provenance in the account store.
   */
  async add(input: NewAccount, secret?: string): Promise<Account> {
    const namespace = normalizeNamespace(input.namespace);
    const hostWideLogin =
      this.o.logins !== undefined &&
      namespace === undefined &&
      input.secretKind === 'password' &&
      input.source === 'sifport';
    if (hostWideLogin && secret !== undefined) {
      return this.saveLogin(input.registry, {
        username: input.username,
        password: secret,
        caFile: input.caFile,
        insecure: input.insecure,
        plainHttp: input.plainHttp,
      });
    }
    const id = input.id ?? `${input.provider}-${randomBytes(4).toString('hex')}`;
    const account: Account = { ...input, id, namespace, createdAt: this.now() };
    if (secret !== undefined) await this.o.secrets.put(id, secret);
    await this.o.store.put(compact(account));
    return account;
  }

  /** `login`: saves a host-wide password login in `logins.json` and its account metadata. */
  async saveLogin(registry: string, login: StoredLogin): Promise<Account> {
    if (!this.o.logins) throw new Error('saveLogin needs a logins store');
    const id = loginAccountId(registry);
    const previous = (await this.o.store.list()).find((a) => a.id === id);
    await this.o.logins.put(registry, login);
    const account = loginAccount(registry, login, {
      ...previous,
      createdAt: previous?.createdAt ?? this.now(),
      capabilities: undefined,
    } as Account);
    await this.o.store.put(compact(account));
    return account;
  }

  /** Replaces an account's metadata (capabilities, token times). */
  async update(account: Account): Promise<void> {
    await this.o.store.put(compact(account));
  }

  /** Removes an account: metadata, secret, and every token minted for it. */
  async remove(id: string): Promise<boolean> {
    const registry = loginRegistryOf(id);
    let removed = (await this.o.store.delete(id)) || false;
    if (registry !== undefined && this.o.logins) {
      removed = (await this.o.logins.delete(registry)) || removed;
    }
    removed = (await this.o.secrets.delete(id)) || removed;
    await this.cloud.invalidate(id);
    return removed;
  }

  /** `logout REGISTRY`: removes every host-wide account of the registry; returns their ids. */
  async logout(registry: string): Promise<string[]> {
    const ids = (await this.list())
      .filter((a) => a.registry === registry && normalizeNamespace(a.namespace) === undefined)
      .map((a) => a.id);
    for (const id of ids) await this.remove(id);
    return ids;
  }

  /**
   * The credential of an account; mints (or reuses) a cloud token for cloud-command ones.
   * Undefined for an anonymous account, whose requests go without credentials.
   */
  async credentialFor(account: Account): Promise<Credential | undefined> {
    if (account.secretKind === 'none') return undefined;
    if (account.secretKind !== 'cloud-command') {
      const registry = loginRegistryOf(account.id);
      const secret =
        registry !== undefined && this.o.logins
          ? (await this.o.logins.get(registry))?.password
          : await this.o.secrets.get(account.id);
      if (secret === undefined) throw missingSecret(account);
      return credentialOf(account, secret);
    }
    const minted = await this.cloud.token(account.id, {
      argv: account.tokenCommand ?? [],
      lifetimeMs: account.tokenLifetimeMs ?? 60 * 60_000,
    });
    if (minted.mintedAt !== account.tokenMintedAt) {
      const latest = (await this.get(account.id)) ?? account;
      await this.update({
        ...latest,
        tokenMintedAt: minted.mintedAt,
        tokenExpiresAt: minted.expiresAt,
      });
    }
    return credentialOf(account, minted.token);
  }

  /**
   * A {@link CredentialProvider} for requests on `repository` (or host-wide requests):
   * picks the account by namespace; `invalidate` drops a rejected cloud token so the next
   * call mints a new one (oras.md §4.5).
   */
  providerFor(repository?: string): CredentialProvider {
    return accountCredentialProvider(this, async (registry) =>
      pickAccount(await this.list(), registry, repository),
    );
  }

  /** A {@link CredentialProvider} bound to one account (`accounts test`). */
  providerForAccount(account: Account): CredentialProvider {
    return accountCredentialProvider(this, async (registry) =>
      registry === account.registry ? account : undefined,
    );
  }
}

/** Drops undefined fields, so stored JSON stays small and stable. */
function compact(account: Account): Account {
  return Object.fromEntries(
    Object.entries(account).filter(([, v]) => v !== undefined),
  ) as unknown as Account;
}

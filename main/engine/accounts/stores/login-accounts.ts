import type { Account } from '../account.js';
import type { CredentialStore, StoredLogin } from './credential-store.js';
import { detectProvider } from '../providers/providers.js';

const PREFIX = 'login:';

/**
 * Id of the host-wide account a `logins.json` entry stands for. Keeping `logins.json` as the
 * store of these logins (rather than importing it once) means `login`, older Sifport versions
 * and scripts that read the file keep working, and the password is kept in one place.
 */
export function loginAccountId(registry: string): string {
  return `${PREFIX}${registry}`;
}

/** The registry of a `login:` account id, undefined for other ids. */
export function loginRegistryOf(id: string): string | undefined {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : undefined;
}

/**
 * The account for a saved login: host-wide, secret kind `password`, source `sifport`, with
 * the login's TLS settings; metadata saved earlier (creation time, capabilities) is kept.
 */
export function loginAccount(
  registry: string,
  login: StoredLogin,
  saved: Account | undefined,
): Account {
  return {
    createdAt: 0,
    ...saved,
    id: loginAccountId(registry),
    provider: detectProvider(registry).preset.id,
    registry,
    namespace: undefined,
    username: login.username,
    secretKind: 'password',
    source: 'sifport',
    caFile: login.caFile,
    insecure: login.insecure,
    plainHttp: login.plainHttp,
  };
}

/**
 * The stored accounts plus one host-wide account per `logins.json` entry (with the metadata
 * stored under its `login:` id), oldest first. Stored `login:` metadata whose login is gone
 * is left out.
 */
export async function withLoginAccounts(
  stored: readonly Account[],
  logins: CredentialStore,
): Promise<Account[]> {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const out = stored.filter((a) => loginRegistryOf(a.id) === undefined);
  for (const registry of await logins.list()) {
    const login = await logins.get(registry);
    if (login) out.push(loginAccount(registry, login, byId.get(loginAccountId(registry))));
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

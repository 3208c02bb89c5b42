import type { SavedConnection } from './connection-settings.js';
import type { ProviderId } from './providers/providers.js';

/**
 * What kind of secret an account's `SecretStore` entry holds: a password (or personal access
 * token, sent as one), a bearer `token` sent as it is (docker `registrytoken`), an OAuth2
 * refresh token, nothing because a `cloud-command` mints it, or nothing at all (`none`): an
 * anonymous account for an open registry or public repositories, which logs in as no one.
 */
export type SecretKind = 'password' | 'token' | 'identity-token' | 'cloud-command' | 'none';

/** Where an account came from (shown in lists, oras.md §5.3 "remember provenance"). */
export type AccountSource =
  'sifport' | 'docker-config' | 'apptainer-config' | 'containers-auth' | 'credential-helper';

/** What `testAccount` found out about a registry with this account (oras.md §3, §4). */
export interface AccountCapabilities {
  /** When the probe ran, epoch ms. */
  readonly checkedAt: number;
  /** Scheme of the registry's challenge (`basic`, `bearer`), null when it asks for none. */
  readonly authScheme: string | null;
  /** How the registry was reached: `https`, or `http` (plain, no TLS); absent in older saves. */
  readonly transport?: 'https' | 'http' | undefined;
  /** A token (or Basic login) for pull on the probe repository was accepted. */
  readonly pull: boolean;
  /** `GET /v2/_catalog` is allowed to this account. */
  readonly catalog: boolean | 'unknown';
  /** The referrers API answers (OCI 1.1). */
  readonly referrers: boolean | 'unknown';
  /** An upload session could be opened (and was cancelled): push and chunked upload work. */
  readonly chunkedUpload: boolean | 'unknown';
  /** Not probed (nothing is deleted to find out); from the provider preset when known. */
  readonly tagDelete: boolean | 'unknown';
}

/**
 * One registry login (issue #4): metadata only; the secret lives in a `SecretStore` under
 * the same id. Several accounts may share a host, told apart by `namespace` (the
 * repository prefix they are for, like the `host/ns` keys of containers' auth.json). The
 * TLS and scheme settings are kept as `login` keeps them.
 */
export interface Account extends SavedConnection {
  readonly id: string;
  readonly provider: ProviderId;
  /** `host[:port]`, `docker.io` for Docker Hub. */
  readonly registry: string;
  /** Repository prefix this account is for (`team/project`); absent: the whole host. */
  readonly namespace?: string | undefined;
  /** Empty for an anonymous (`none`) account. */
  readonly username: string;
  readonly secretKind: SecretKind;
  readonly source: AccountSource;
  /** For imported accounts: the file (and helper) the login came from. */
  readonly origin?: string | undefined;
  /** Epoch ms. */
  readonly createdAt: number;
  /** For `cloud-command` accounts: the argv that mints the token (never a shell string). */
  readonly tokenCommand?: readonly string[] | undefined;
  /** How long a minted token lives, in ms. */
  readonly tokenLifetimeMs?: number | undefined;
  /** How a minted token is presented: as the password of `username`, or as a refresh token. */
  readonly mintedAs?: 'password' | 'identity-token' | undefined;
  readonly tokenMintedAt?: number | undefined;
  readonly tokenExpiresAt?: number | undefined;
  readonly capabilities?: AccountCapabilities | undefined;
}

/** A namespace without leading/trailing slashes; empty means the whole host. */
export function normalizeNamespace(namespace: string | undefined): string | undefined {
  const ns = namespace?.trim().replace(/^\/+|\/+$/g, '');
  return ns ? ns : undefined;
}

/** True when `repository` lies in `namespace` (path-segment prefix, not string prefix). */
export function inNamespace(repository: string, namespace: string | undefined): boolean {
  const ns = normalizeNamespace(namespace);
  if (ns === undefined) return true;
  return repository === ns || repository.startsWith(`${ns}/`);
}

/**
 * The account to use for `repository` on `registry` (issue #4, containers' auth.json
 * lookup): the one whose namespace is the longest path prefix of the repository, else a
 * host-wide account. Without a repository (catalog, ping) only a host-wide account fits.
 * Among equally specific accounts, Sifport's own beat imported ones, then the newest wins.
 */
export function pickAccount(
  accounts: readonly Account[],
  registry: string,
  repository?: string,
): Account | undefined {
  let best: Account | undefined;
  let bestRank: readonly number[] = [];
  for (const account of accounts) {
    if (account.registry !== registry) continue;
    const ns = normalizeNamespace(account.namespace);
    if (ns !== undefined && (repository === undefined || !inNamespace(repository, ns))) continue;
    const rank = [ns?.length ?? 0, account.source === 'sifport' ? 1 : 0, account.createdAt];
    if (best === undefined || isHigher(rank, bestRank)) {
      best = account;
      bestRank = rank;
    }
  }
  return best;
}

function isHigher(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return false;
}

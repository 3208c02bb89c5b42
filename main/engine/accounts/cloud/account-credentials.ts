import { SifportError } from '../../errors.js';
import type { Credential, CredentialProvider } from '../../registry/auth/credentials.js';
import type { Account } from '../account.js';
import type { MintedToken, MintedTokenCache } from './cloud-tokens.js';
import type { SecretStore } from '../stores/secret-store.js';

/** Key of the minted cloud token of an account in a {@link SecretStore}. */
export function mintedKey(accountId: string): string {
  return `${accountId}#minted`;
}

/**
 * Keeps minted cloud tokens in a {@link SecretStore} (`ID#minted`), so a CLI run reuses the
 * token an earlier run minted until it nears expiry instead of running `aws` every time.
 */
export class SecretStoreTokenCache implements MintedTokenCache {
  constructor(private readonly secrets: SecretStore) {}

  async get(key: string): Promise<MintedToken | undefined> {
    const text = await this.secrets.get(mintedKey(key));
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as Partial<MintedToken>;
      if (
        typeof value.token === 'string' &&
        typeof value.mintedAt === 'number' &&
        typeof value.expiresAt === 'number'
      ) {
        return { token: value.token, mintedAt: value.mintedAt, expiresAt: value.expiresAt };
      }
    } catch {
      // A damaged entry is dropped below; a new token is minted.
    }
    await this.secrets.delete(mintedKey(key));
    return undefined;
  }

  async put(key: string, token: MintedToken): Promise<void> {
    await this.secrets.put(mintedKey(key), JSON.stringify(token));
  }

  async delete(key: string): Promise<void> {
    await this.secrets.delete(mintedKey(key));
  }
}

/**
 * Turns an account and its secret into the registry client's {@link Credential}
 * (oras.md §4.2–§4.3): passwords and personal access tokens are Basic (the GET token
 * request), identity tokens use the OAuth2 refresh grant, a `token` is a bearer token sent
 * as it is (docker's `registrytoken`), and a minted cloud token is
 * presented as its provider wants (ECR/GCP as a password, ACR as a refresh token). An
 * anonymous account has none: its requests go without credentials.
 */
export function credentialOf(account: Account, secret: string): Credential | undefined {
  switch (account.secretKind) {
    case 'none':
      return undefined;
    case 'password':
      return { kind: 'basic', username: account.username, password: secret };
    case 'token':
      return { kind: 'registry-token', token: secret };
    case 'identity-token':
      return { kind: 'identity-token', username: account.username, token: secret };
    case 'cloud-command':
      return account.mintedAs === 'identity-token'
        ? { kind: 'identity-token', username: account.username, token: secret }
        : { kind: 'basic', username: account.username, password: secret };
  }
}

/** The error for an account whose secret is gone (erased, or the store was reset). */
export function missingSecret(account: Account): SifportError {
  return new SifportError(
    'AUTH_REQUIRED',
    `The secret of account ${account.id} (${account.username} on ${account.registry}) is missing: remove it and add it again (\`sifport accounts rm ${account.id}\`).`,
  );
}

/** What {@link accountCredentialProvider} needs of the accounts service. */
export interface CredentialSource {
  credentialFor(account: Account): Promise<Credential | undefined>;
  readonly cloud: { invalidate(accountId: string): Promise<void> };
}

/**
 * A registry client's {@link CredentialProvider} over accounts: `pick` chooses the account
 * for a registry; `invalidate` (after a 401, oras.md §4.5) drops the minted token of a
 * cloud account so the next call mints a new one, and says false for stored secrets,
 * where asking again cannot give anything else.
 */
export function accountCredentialProvider(
  source: CredentialSource,
  pick: (registry: string) => Promise<Account | undefined>,
): CredentialProvider {
  return Object.assign(
    async (registry: string): Promise<Credential | undefined> => {
      const account = await pick(registry);
      return account ? source.credentialFor(account) : undefined;
    },
    {
      invalidate: async (registry: string): Promise<boolean> => {
        const account = await pick(registry);
        if (account?.secretKind !== 'cloud-command') return false;
        await source.cloud.invalidate(account.id);
        return true;
      },
    },
  );
}

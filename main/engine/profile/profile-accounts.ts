import { Accounts } from '../accounts/accounts.js';
import { FileAccountStore } from '../accounts/stores/account-store.js';
import { FileCredentialStore } from '../accounts/stores/file-credential-store.js';
import { FileSecretStore } from '../accounts/stores/secret-store.js';
import type { ProfilePaths } from './profile-layout.js';

/** Options of {@link openProfileAccounts}. */
export interface ProfileAccountsOptions {
  /** Environment token commands (aws, az, gcloud) run in; its PATH finds them. */
  readonly env: NodeJS.ProcessEnv;
  readonly onWarning: (message: string) => void;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The accounts of a profile kept in files (0600): `logins.json`, `accounts.json` and
 * `secrets.json`, as the CLI has always kept them. The CLI and the browser mode both open
 * the user's accounts this way, so they see the same logins.
 */
export function openProfileAccounts(paths: ProfilePaths, options: ProfileAccountsOptions) {
  const { onWarning } = options;
  const logins = new FileCredentialStore(paths.logins, { onWarning });
  const accounts = new Accounts({
    store: new FileAccountStore(paths.accounts, { onWarning }),
    secrets: new FileSecretStore(paths.secrets, { onWarning }),
    logins,
    cloud: { commandOptions: { env: options.env, signal: options.signal } },
  });
  return { accounts, logins };
}

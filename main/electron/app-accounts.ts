import { join } from 'node:path';
import {
  FileAccountStore,
  MemoryAccountStore,
  type AccountStore,
} from '../engine/accounts/stores/account-store.js';
import { Accounts } from '../engine/accounts/accounts.js';
import type { SecretStorageDecision } from '../engine/accounts/stores/storage-backend.js';
import { createSecretStore } from './secret-store.js';

/**
 * The desktop app's accounts (issue #4): secrets in the safeStorage-backed store when the OS
 * keychain protects it, else in memory for this session. Account metadata follows the
 * secrets: kept in `accounts.json` of the profile only when the secrets persist too, so a
 * restart never shows accounts whose secrets are gone. Weak (`basic_text`) storage is used
 * only after the user opted in, for now with `SIFPORT_ALLOW_WEAK_SECRETS=1`.
 */
export async function createAppAccounts(
  userData: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ service: Accounts; storage: SecretStorageDecision }> {
  const { store: secrets, decision } = await createSecretStore({
    allowWeakStorage: env['SIFPORT_ALLOW_WEAK_SECRETS'] === '1',
  });
  const store: AccountStore =
    decision.mode === 'persistent'
      ? new FileAccountStore(join(userData, 'accounts.json'), {
          onWarning: (message) => console.warn(`sifport: ${message}`),
        })
      : new MemoryAccountStore();
  return { service: new Accounts({ store, secrets }), storage: decision };
}

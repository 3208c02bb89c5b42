import { MemoryAccountStore } from '../engine/accounts/stores/account-store.js';
import { Accounts } from '../engine/accounts/accounts.js';
import type { ImportedLogin } from '../engine/accounts/interop/config-import.js';
import { MemorySecretStore } from '../engine/accounts/stores/secret-store.js';
import type { SecretStorageDecision } from '../engine/accounts/stores/storage-backend.js';
import type { AccountsDeps } from './accounts-handlers.js';
import { registryClients, type RegistryClients } from './registry-clients.js';

/** The honest description of in-memory secrets. */
export const SESSION_STORAGE: SecretStorageDecision = {
  mode: 'session-only',
  protection: 'none',
  backend: 'memory',
  explanation: 'Logins are kept in memory and forgotten when this host stops.',
};

/**
 * Accounts that live as long as the process (the loopback host, `serve.ts`, tests): the
 * engine's in-memory account and secret stores, and clients that log in with them.
 */
export function sessionAccounts(
  options: { findLogins?: (helpers: boolean) => Promise<ImportedLogin[]> } = {},
): { accounts: AccountsDeps; clientFor: RegistryClients['clientFor'] } {
  const service = new Accounts({
    store: new MemoryAccountStore(),
    secrets: new MemorySecretStore(),
  });
  const clients = registryClients(service);
  return {
    accounts: {
      service,
      storage: SESSION_STORAGE,
      clients,
      findLogins: options.findLogins,
    },
    clientFor: clients.clientFor,
  };
}

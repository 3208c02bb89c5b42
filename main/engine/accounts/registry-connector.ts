import type { Credential, CredentialProvider } from '../registry/auth/credentials.js';
import type { RegistryClient } from '../registry/client.js';
import type { Accounts } from './accounts.js';
import type { ConnectionSettings } from './connection-settings.js';

/**
 * How an account use case gets a registry client: each front end builds clients its own
 * way (the CLI's user agent and cleanup, the app's proxy settings). The use case closes the
 * client when it is done; closing twice is harmless.
 */
export type RegistryConnector = (
  registry: string,
  settings: ConnectionSettings,
  credential: Credential | CredentialProvider,
) => RegistryClient | Promise<RegistryClient>;

/** What `addAccount` and `testSavedAccount` need from their front end. */
export interface AccountUseCaseDeps {
  readonly accounts: Accounts;
  readonly connect: RegistryConnector;
}

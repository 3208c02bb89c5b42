import { pickAccount } from '../engine/accounts/account.js';
import type { Accounts } from '../engine/accounts/accounts.js';
import { mergeConnectionSettings } from '../engine/accounts/connection-settings.js';
import type { Credential, CredentialProvider } from '../engine/registry/auth/credentials.js';
import { RegistryClient } from '../engine/registry/client.js';
import type { ProxySettings } from '../engine/registry/transport/proxy/settings.js';
import type { ConnectionOptions } from './connection-options.js';

/** Builds registry clients that log in with the user's accounts (issue #4). */
export interface RegistryClients {
  /**
   * A client for requests on `repository` (or host-wide ones): credentials come from
   * `accounts.providerFor(repository)`, so cloud tokens are minted and renewed on demand;
   * TLS settings of the request win over the chosen account's, a switch only turns on.
   */
  clientFor(
    registry: string,
    options: ConnectionOptions,
    repository?: string,
  ): Promise<RegistryClient>;
  /** A client with exactly these credentials (testing a login before it is saved). */
  connect(
    registry: string,
    options: ConnectionOptions,
    credentials: Credential | CredentialProvider,
  ): RegistryClient;
}

/**
 * The {@link RegistryClients} over one accounts service; `userAgent` goes on every request,
 * `proxy` says how to reach registries (default: the environment's proxy variables).
 */
export function registryClients(
  accounts: Accounts,
  userAgent?: string,
  proxy?: ProxySettings,
): RegistryClients {
  const connect: RegistryClients['connect'] = (registry, options, credentials) =>
    new RegistryClient({
      registry,
      tls: { caFile: options.caFile, insecure: options.insecure },
      plainHttp: options.plainHttp,
      credentials,
      userAgent,
      proxy,
    });
  return {
    connect,
    async clientFor(registry, options, repository) {
      const saved = pickAccount(await accounts.list(), registry, repository);
      const settings = mergeConnectionSettings(saved, options);
      return connect(registry, settings, accounts.providerFor(repository));
    },
  };
}

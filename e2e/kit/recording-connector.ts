import type { ConnectionSettings } from '../../main/engine/accounts/connection-settings.js';
import type { RegistryConnector } from '../../main/engine/accounts/registry-connector.js';
import type {
  Credential,
  CredentialProvider,
} from '../../main/engine/registry/auth/credentials.js';
import { RegistryClient } from '../../main/engine/registry/client.js';

/** One client a {@link recordingConnector} built: what the use case asked for. */
export interface ConnectCall {
  readonly registry: string;
  readonly settings: ConnectionSettings;
  readonly credential: Credential | CredentialProvider;
}

/**
 * A {@link RegistryConnector} for the account use cases' tests: real clients, built with the
 * settings and credential the use case passes, each call kept in `calls` so a test can check
 * what the flags and the saved account turned into.
 */
export function recordingConnector(): { connect: RegistryConnector; calls: ConnectCall[] } {
  const calls: ConnectCall[] = [];
  const connect: RegistryConnector = (registry, settings, credential) => {
    calls.push({ registry, settings, credential });
    return new RegistryClient({
      registry,
      tls: { caFile: settings.caFile, insecure: settings.insecure },
      plainHttp: settings.plainHttp,
      credentials: credential,
    });
  };
  return { connect, calls };
}

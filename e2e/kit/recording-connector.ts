import type { ConnectionSettings } from '../../main/engine/accounts/connection-settings.js';
import type { RegistryConnector } from '../../main/engine/accounts/registry-connector.js';
import type {
  Credential,
  CredentialProvider,
} from '../../main/engine/registry/auth/credentials.js';
import { RegistryClient } from '../../main/engine/registry/client.js';

/** What an account use case built one client with. */
export interface ConnectorCall {
  readonly settings: ConnectionSettings;
  readonly credential: Credential | CredentialProvider;
}

/**
 * A {@link RegistryConnector} for the account use cases' tests: real registry clients, each
 * call's connection settings and credential recorded in `calls`.
 */
export function recordingConnector(): { connect: RegistryConnector; calls: ConnectorCall[] } {
  const calls: ConnectorCall[] = [];
  const connect: RegistryConnector = (registry, settings, credential) => {
    calls.push({ settings, credential });
    return new RegistryClient({
      registry,
      tls: { caFile: settings.caFile, insecure: settings.insecure },
      plainHttp: settings.plainHttp,
      credentials: credential,
    });
  };
  return { connect, calls };
}

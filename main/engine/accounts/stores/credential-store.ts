import type { CredentialProvider } from '../../registry/auth/credentials.js';
import type { SavedConnection } from '../connection-settings.js';

/**
 * One saved registry login (oras.md §5): the account and the connection settings that go
 * with it, so later commands reach the registry the same way without repeating flags.
 */
export interface StoredLogin extends SavedConnection {
  readonly username: string;
  readonly password: string;
}

/**
 * Where logins live, keyed by registry (`host[:port]`, `docker.io` for Docker Hub). The CLI
 * keeps them in a 0600 JSON file; the desktop app can implement this over `safeStorage`
 * (STYLE §10: a tiny get/put/delete interface with several implementations).
 */
export interface CredentialStore {
  get(registry: string): Promise<StoredLogin | undefined>;
  put(registry: string, login: StoredLogin): Promise<void>;
  /** Removes the login; resolves false when there was none. */
  delete(registry: string): Promise<boolean>;
  /** Registries with a saved login, sorted. */
  list(): Promise<string[]>;
}

/** A {@link CredentialStore} that forgets when the process ends (tests, one-off sessions). */
export class MemoryCredentialStore implements CredentialStore {
  private readonly logins = new Map<string, StoredLogin>();

  async get(registry: string): Promise<StoredLogin | undefined> {
    return this.logins.get(registry);
  }

  async put(registry: string, login: StoredLogin): Promise<void> {
    this.logins.set(registry, { ...login });
  }

  async delete(registry: string): Promise<boolean> {
    return this.logins.delete(registry);
  }

  async list(): Promise<string[]> {
    return [...this.logins.keys()].sort();
  }
}

/** Adapts a store to the registry client's {@link CredentialProvider} (Basic credentials). */
export function credentialProviderFor(store: CredentialStore): CredentialProvider {
  return async (registry) => {
    const login = await store.get(registry);
    return login
      ? { kind: 'basic', username: login.username, password: login.password }
      : undefined;
  };
}

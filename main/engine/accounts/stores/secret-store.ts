import { registerSecret } from '../../redact.js';
import { PrivateJsonFile } from './private-json-file.js';

/**
 * Where account secrets live, keyed by account id (STYLE §10: get/put/delete, several
 * implementations). Derived entries such as a minted cloud token use `ID#minted`; deleting
 * an account deletes every key that starts with its id.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, secret: string): Promise<void>;
  /** Removes the secret; resolves false when there was none. */
  delete(key: string): Promise<boolean>;
  /** Every key, sorted (never the secrets). */
  keys(): Promise<string[]>;
}

/** A {@link SecretStore} that forgets when the process ends (tests, session-only mode). */
export class MemorySecretStore implements SecretStore {
  private readonly map = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.map.get(key);
  }
  async put(key: string, secret: string): Promise<void> {
    registerSecret(secret);
    this.map.set(key, secret);
  }
  async delete(key: string): Promise<boolean> {
    return this.map.delete(key);
  }
  async keys(): Promise<string[]> {
    return [...this.map.keys()].sort();
  }
}

interface SecretsDoc {
  version: 1;
  secrets: Record<string, string>;
}

function parseSecrets(value: unknown): SecretsDoc | undefined {
  const secrets = (value as { secrets?: unknown } | null)?.secrets;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) return undefined;
  if (!Object.values(secrets).every((s) => typeof s === 'string')) return undefined;
  return { version: 1, secrets: secrets as Record<string, string> };
}

/**
 * The CLI's {@link SecretStore}: `secrets.json`, mode 0600 in a 0700 directory, rewritten
 * atomically; loose permissions are tightened with a warning, a corrupt file is moved aside.
 */
export class FileSecretStore implements SecretStore {
  private readonly doc: PrivateJsonFile<SecretsDoc>;

  constructor(file: string, options: { onWarning?: ((message: string) => void) | undefined } = {}) {
    this.doc = new PrivateJsonFile(file, {
      parse: parseSecrets,
      empty: () => ({ version: 1, secrets: {} }),
      label: 'secrets file',
      onWarning: options.onWarning,
    });
  }

  async get(key: string): Promise<string | undefined> {
    const secret = (await this.doc.read()).secrets[key];
    registerSecret(secret);
    return secret;
  }

  put(key: string, secret: string): Promise<void> {
    registerSecret(secret);
    return this.doc.update((d) => {
      d.secrets[key] = secret;
    });
  }

  async delete(key: string): Promise<boolean> {
    if ((await this.doc.read()).secrets[key] === undefined) return false;
    return this.doc.update((d) => {
      if (!(key in d.secrets)) return false;
      delete d.secrets[key];
      return true;
    });
  }

  async keys(): Promise<string[]> {
    return Object.keys((await this.doc.read()).secrets).sort();
  }
}

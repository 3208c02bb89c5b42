import { safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import {
  decideSecretStorage,
  type LinuxSecretBackend,
  type SecretStorageDecision,
} from '../engine/accounts/stores/storage-backend.js';
import { MemorySecretStore, type SecretStore } from '../engine/accounts/stores/secret-store.js';
import { registerSecret } from '../engine/redact.js';

/**
 * The desktop app's {@link SecretStore} (STYLE §10): each secret encrypted with
 * `safeStorage.encryptStringAsync`, the base64 ciphertext kept by `electron-store` in
 * `secrets.json` of the profile. Keys rotated by the OS are re-encrypted on read.
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly store = new ElectronStore<Record<string, string>>({ name: 'secrets' });

  async get(key: string): Promise<string | undefined> {
    const cipher = this.store.get(key);
    if (typeof cipher !== 'string') return undefined;
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
      Buffer.from(cipher, 'base64'),
    );
    registerSecret(result);
    if (shouldReEncrypt) await this.put(key, result);
    return result;
  }

  async put(key: string, secret: string): Promise<void> {
    registerSecret(secret);
    const cipher = await safeStorage.encryptStringAsync(secret);
    this.store.set(key, cipher.toString('base64'));
  }

  async delete(key: string): Promise<boolean> {
    const had = this.store.has(key);
    this.store.delete(key);
    return had;
  }

  async keys(): Promise<string[]> {
    return Object.keys(this.store.store).sort();
  }
}

/**
 * Builds the app's secret store after `app.whenReady()`, and says honestly how secrets are
 * kept (decided by the engine's {@link decideSecretStorage}): encrypted on disk with the OS
 * keychain, weakly only after the user opted in, otherwise in memory for this session.
 */
export async function createSecretStore(options: {
  readonly allowWeakStorage: boolean;
}): Promise<{ store: SecretStore; decision: SecretStorageDecision }> {
  const encryptionAvailable = await safeStorage.isAsyncEncryptionAvailable();
  const decision = decideSecretStorage({
    platform: process.platform,
    encryptionAvailable,
    linuxBackend:
      process.platform === 'linux'
        ? (safeStorage.getSelectedStorageBackend() as LinuxSecretBackend)
        : undefined,
    allowWeakStorage: options.allowWeakStorage,
  });
  const store =
    decision.mode === 'persistent' ? new SafeStorageSecretStore() : new MemorySecretStore();
  return { store, decision };
}

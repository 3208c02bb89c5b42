import type { RequestOf, ResponseOf } from '../../../../shared/contract.js';
import type { KeyItem } from '../../store/domain.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';

/** The sheet the Keys screen shows over its table (S12), if any. */
export type KeySheet =
  | { readonly kind: 'new' }
  | { readonly kind: 'import'; readonly fingerprint?: string }
  | { readonly kind: 'export'; readonly fingerprint: string }
  | { readonly kind: 'remove'; readonly fingerprint: string };

/** The keys slice (S12): the keyring the CLI's `sifport keys` shares. */
export interface KeysSlice {
  readonly keys: readonly KeyItem[];
  readonly keysLoaded: boolean;
  readonly keyringPath?: string;
  readonly keysError?: ErrorState;
  readonly keySheet?: KeySheet;
  loadKeys(): Promise<void>;
  openKeySheet(sheet: KeySheet | undefined): void;
  /** "Import key…" from anywhere (an unknown signer): the Keys screen with its import sheet. */
  openKeyImport(fingerprint?: string): void;
  /** Each action below rejects with the host's error, for the sheet to show. */
  generateKey(request: RequestOf<'keys:generate'>): Promise<KeyItem>;
  /** Parses pasted or chosen armour and lists what it holds; stores nothing. */
  previewKeys(armored: string): Promise<readonly KeyItem[]>;
  importKeys(armored: string, passphrase?: string): Promise<readonly KeyItem[]>;
  exportKey(fingerprint: string, secret: boolean): Promise<ResponseOf<'keys:export'>>;
  removeKey(fingerprint: string, secret: boolean): Promise<void>;
}

/** Creates the keys slice; every change reloads the list, so the table is the keyring's. */
export const createKeysSlice: SliceOf<KeysSlice> = (host) => (set, get) => {
  const changed = async (what: string): Promise<void> => {
    await get().loadKeys();
    get().announce(what);
  };
  return {
    keys: [],
    keysLoaded: false,
    async loadKeys() {
      try {
        const { keys, keyring } = await host.invoke('keys:list', {});
        set({ keys, keyringPath: keyring, keysError: undefined, keysLoaded: true });
      } catch (err) {
        set({ keysError: errorState(err), keysLoaded: true });
      }
    },
    openKeySheet: (keySheet) => set({ keySheet }),
    openKeyImport(fingerprint) {
      get().closeDialog();
      get().navigate({ kind: 'keys' });
      set({ keySheet: { kind: 'import', fingerprint } });
    },
    async generateKey(request) {
      const { key } = await host.invoke('keys:generate', request);
      await changed(`Key pair for ${request.name} created.`);
      return key;
    },
    async previewKeys(armored) {
      return (await host.invoke('keys:import', { armored, preview: true })).keys;
    },
    async importKeys(armored, passphrase) {
      const { keys } = await host.invoke('keys:import', {
        armored,
        ...(passphrase ? { passphrase } : {}),
      });
      await changed(`${keys.length} key${keys.length === 1 ? '' : 's'} imported.`);
      return keys;
    },
    exportKey: (fingerprint, secret) => host.invoke('keys:export', { fingerprint, secret }),
    async removeKey(fingerprint, secret) {
      await host.invoke('keys:remove', { fingerprint, secret });
      await changed(`Key ${fingerprint.slice(-16)} removed.`);
    },
  };
};

import type { KeyItem } from '../../store/domain.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';

/** The keys slice (S12): the keyring the CLI's `sifport keys` shares. */
export interface KeysSlice {
  readonly keys: readonly KeyItem[];
  readonly keyringPath?: string;
  readonly keysError?: ErrorState;
  loadKeys(): Promise<void>;
}

/** Creates the keys slice. */
export const createKeysSlice: SliceOf<KeysSlice> = (host) => (set) => ({
  keys: [],
  async loadKeys() {
    try {
      const { keys, keyring } = await host.invoke('keys:list', {});
      set({ keys, keyringPath: keyring, keysError: undefined });
    } catch (err) {
      set({ keysError: errorState(err) });
    }
  },
});

import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings-contract.js';
import type { RequestOf } from '../../../../shared/contract.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';

/** The settings slice: the host's settings (S13), kept in step with `settings:changed`. */
export interface SettingsSlice {
  readonly settings: Settings;
  readonly settingsLoaded: boolean;
  readonly settingsError?: ErrorState;
  loadSettings(): Promise<void>;
  /** Saves a change; the window shows it at once and rolls back if the host refuses. */
  updateSettings(patch: RequestOf<'settings:set'>['patch']): Promise<void>;
  /** A `settings:changed` event from the host (this window or another). */
  settingsChanged(settings: Settings): void;
}

/** Creates the settings slice over `settings:get` / `settings:set`. */
export const createSettingsSlice: SliceOf<SettingsSlice> = (host) => (set, get) => ({
  settings: DEFAULT_SETTINGS,
  settingsLoaded: false,
  async loadSettings() {
    try {
      const { settings } = await host.invoke('settings:get', {});
      set({ settings, settingsLoaded: true, settingsError: undefined });
    } catch (err) {
      set({ settingsError: errorState(err) });
    }
  },
  async updateSettings(patch) {
    const before = get().settings;
    set({ settings: { ...before, ...patch } });
    try {
      const { settings } = await host.invoke('settings:set', { patch });
      set({ settings, settingsError: undefined });
    } catch (err) {
      set({ settings: before, settingsError: errorState(err) });
    }
  },
  settingsChanged: (settings) => set({ settings, settingsLoaded: true }),
});

import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings-contract.js';
import type { RequestOf, ResponseOf } from '../../../../shared/contract.js';
import { errorState, type ErrorState, type SliceOf } from '../../store/slice.js';

/** A change to some settings, as `settings:set` takes it. */
export type SettingsPatch = RequestOf<'settings:set'>['patch'];

/** What the host says about itself (S13 Network and Advanced). */
export type AppInfo = ResponseOf<'app:info'>;

/** The settings slice: the host's settings (S13), kept in step with `settings:changed`. */
export interface SettingsSlice {
  readonly settings: Settings;
  readonly settingsLoaded: boolean;
  /** Why the last change (or the first load) failed; the change itself was rolled back. */
  readonly settingsError?: ErrorState;
  /** The change the host refused, for "Try again". */
  readonly settingsFailedPatch?: SettingsPatch;
  readonly appInfo?: AppInfo;
  readonly appInfoError?: ErrorState;
  loadSettings(): Promise<void>;
  /**
   * Saves a change; the window shows it at once and, if the host refuses, puts back what
   * this change touched and keeps the error (with the change, to try again).
   */
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Sends the refused change again. */
  retrySettings(): Promise<void>;
  dismissSettingsError(): void;
  /** A `settings:changed` event from the host (this window or another). */
  settingsChanged(settings: Settings): void;
  loadAppInfo(): Promise<void>;
  /**
   * The desktop app's folder dialog for the default pull folder; saves the choice. Resolves
   * the reason when the dialog could not open, else undefined (also when cancelled).
   */
  choosePullFolder(): Promise<string | undefined>;
  /** Shows `path` in the file manager (desktop app); resolves why not, else undefined. */
  revealInFolder(path: string): Promise<string | undefined>;
}

/** The values `settings` has for the keys `patch` changes. */
function valuesOf(settings: Settings, patch: SettingsPatch): SettingsPatch {
  const keys = Object.keys(patch) as (keyof Settings)[];
  return Object.fromEntries(keys.map((key) => [key, settings[key]])) as SettingsPatch;
}

/**
 * Creates the settings slice over `settings:get` / `settings:set` / `app:info`. Changes
 * still on their way to the host stay on top of whatever the host says meanwhile (its answer
 * to an earlier change, a `settings:changed` event), so a quick second change never flickers
 * back to the old value.
 */
export const createSettingsSlice: SliceOf<SettingsSlice> = (host) => (set, get) => {
  const pending = new Map<number, SettingsPatch>();
  let sequence = 0;
  const withPending = (settings: Settings): Settings =>
    Object.assign({ ...settings }, ...pending.values()) as Settings;
  /** Reads the host's settings again after a refusal, so a rollback never hides its truth. */
  const resync = async () => {
    try {
      const { settings } = await host.invoke('settings:get', {});
      set({ settings: withPending(settings) });
    } catch {
      // The host is unreachable too: the local rollback stands.
    }
  };
  return {
    settings: DEFAULT_SETTINGS,
    settingsLoaded: false,
    async loadSettings() {
      try {
        const { settings } = await host.invoke('settings:get', {});
        set({ settings: withPending(settings), settingsLoaded: true, settingsError: undefined });
      } catch (err) {
        set({ settingsError: errorState(err) });
      }
    },
    async updateSettings(patch) {
      const id = ++sequence;
      const before = valuesOf(get().settings, patch);
      pending.set(id, patch);
      set({ settings: { ...get().settings, ...patch } });
      try {
        const { settings } = await host.invoke('settings:set', { patch });
        pending.delete(id);
        set({
          settings: withPending(settings),
          settingsError: undefined,
          settingsFailedPatch: undefined,
        });
      } catch (err) {
        pending.delete(id);
        set({
          settings: withPending({ ...get().settings, ...before }),
          settingsError: errorState(err),
          settingsFailedPatch: patch,
        });
        await resync();
      }
    },
    async retrySettings() {
      const patch = get().settingsFailedPatch;
      set({ settingsError: undefined, settingsFailedPatch: undefined });
      if (patch) await get().updateSettings(patch);
    },
    dismissSettingsError: () => set({ settingsError: undefined, settingsFailedPatch: undefined }),
    settingsChanged: (settings) => set({ settings: withPending(settings), settingsLoaded: true }),
    async choosePullFolder() {
      const current = get().settings.pullFolder;
      try {
        const { path } = await host.invoke('dialog:chooseFolder', {
          title: 'Default folder for pulls',
          ...(current ? { defaultPath: current } : {}),
        });
        if (path) await get().updateSettings({ pullFolder: path });
        return undefined;
      } catch (err) {
        return errorState(err).message;
      }
    },
    async revealInFolder(path) {
      try {
        await host.invoke('shell:reveal', { path });
        return undefined;
      } catch (err) {
        return errorState(err).message;
      }
    },
    async loadAppInfo() {
      try {
        set({ appInfo: await host.invoke('app:info', {}), appInfoError: undefined });
      } catch (err) {
        set({ appInfoError: errorState(err) });
      }
    },
  };
};

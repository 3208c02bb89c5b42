import {
  DEFAULT_SETTINGS,
  settingsFrom,
  settingsPatch,
  type Settings,
} from '../../../shared/settings-contract.js';
import { SifportError } from '../errors.js';
import { PrivateJsonFile } from '../accounts/stores/private-json-file.js';

/** Where settings live: a file in the profile, or memory in tests. */
export interface SettingsStore {
  /** The current settings, defaults filled in. */
  get(): Promise<Settings>;
  /** Applies a partial change (checked against the schema) and returns the new settings. */
  set(patch: unknown): Promise<Settings>;
}

function checkedPatch(patch: unknown): Partial<Settings> {
  const parsed = settingsPatch.safeParse(patch);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) => `${i.path.join('.') || 'settings'}: ${i.message}`,
    );
    throw new SifportError('USAGE', `Invalid settings: ${issues.join('; ')}.`);
  }
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined),
  ) as Partial<Settings>;
}

/**
 * Settings in the profile's `settings.json` (0600, written atomically; a corrupt file is moved
 * aside and reported, never silently reset). Unknown keys are dropped and missing or invalid
 * ones take their defaults, so files from older and newer versions both read.
 */
export class FileSettingsStore implements SettingsStore {
  private readonly file: PrivateJsonFile<Settings>;

  constructor(path: string, options: { onWarning?: (message: string) => void } = {}) {
    this.file = new PrivateJsonFile<Settings>(path, {
      label: 'settings file',
      parse: (value) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? settingsFrom(value)
          : undefined,
      empty: () => ({ ...DEFAULT_SETTINGS }),
      onWarning: options.onWarning,
    });
  }

  get(): Promise<Settings> {
    return this.file.read();
  }

  async set(patch: unknown): Promise<Settings> {
    const change = checkedPatch(patch);
    return this.file.update((doc) => {
      Object.assign(doc, change);
      return { ...doc };
    });
  }
}

/** Settings kept in memory (tests, a session without a profile). */
export class MemorySettingsStore implements SettingsStore {
  private current: Settings;

  constructor(initial: Partial<Settings> = {}) {
    this.current = settingsFrom(initial);
  }

  async get(): Promise<Settings> {
    return { ...this.current };
  }

  async set(patch: unknown): Promise<Settings> {
    this.current = { ...this.current, ...checkedPatch(patch) };
    return { ...this.current };
  }
}

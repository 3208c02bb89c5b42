import { z } from 'zod';

/**
 * The app's settings (issue #11, UI.md §3 S13), one schema for the engine that stores them
 * and the window that edits them.
 */
const fields = {
  /** Drives `nativeTheme.themeSource` in the desktop app and the page's colour scheme. */
  theme: z.enum(['system', 'light', 'dark']),
  /** When a finished or failed transfer shows a desktop notification. */
  notifications: z.enum(['unfocused', 'always', 'never']),
  /** Notify only about failed transfers. */
  notifyFailuresOnly: z.boolean(),
  /** Transfers that run at once (UI.md S13: 1–6). */
  concurrency: z.number().int().min(1).max(6),
  /** Folder pulls go to by default; empty means the window asks. */
  pullFolder: z.string().max(4096),
  /** Verify signatures after a pull. */
  verifyAfterPull: z.boolean(),
  /** Finished transfers kept in the history. */
  historySize: z.number().int().min(10).max(5000),
};

/** The settings, every field present. */
export const settingsSchema = z.object(fields);

/** The settings, every field present. */
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings (`settings:set`); unknown keys are refused. */
export const settingsPatch = z.object(fields).partial().strict();

/** The settings a new profile starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  notifications: 'unfocused',
  notifyFailuresOnly: false,
  concurrency: 2,
  pullFolder: '',
  verifyAfterPull: false,
  historySize: 500,
};

/**
 * Settings read from a stored document: each known field that is valid is kept, every other
 * takes its default, so files written by older and newer versions both read.
 */
export function settingsFrom(value: unknown): Settings {
  const stored = value !== null && typeof value === 'object' ? value : {};
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Settings;
}

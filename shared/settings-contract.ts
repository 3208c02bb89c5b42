import { z } from 'zod';

/** Repository paths of one account (`genomics/bwa`), newest first. */
const repositoryList = z.array(z.string().min(1).max(255)).max(200);

/** Widths and heights of the window's panes in CSS pixels (UI.md §1: splitters persist). */
const layoutSchema = z.object({
  sidebarWidth: z.number().int().min(200).max(400),
  detailsWidth: z.number().int().min(300).max(600),
  drawerHeight: z.number().int().min(120).max(2000),
});

/**
 * The app's settings (issue #11, UI.md §3 S13), one schema for the engine that stores them
 * and the window that edits them. What the window remembers between runs (pane sizes, pinned
 * and recent repositories) lives here too, so the desktop app and the browser mode, whose
 * page origin changes between runs, both keep it.
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
  /**
   * Connections one pull of a large image uses, each fetching its own range (1: one stream);
   * 0 is automatic: 4 from a registry on another machine, one stream on this machine.
   */
  pullConnections: z.number().int().min(0).max(16),
  /** Folder pulls go to by default; empty means the window asks. */
  pullFolder: z.string().max(4096),
  /** Verify signatures after a pull. */
  verifyAfterPull: z.boolean(),
  /** Finished transfers kept in the history. */
  historySize: z.number().int().min(10).max(5000),
  /** Row height: 28 px compact, 36 px comfortable (UI.md §1 "Density"). */
  density: z.enum(['compact', 'comfortable']),
  /** Sizes in KiB/MiB/GiB (IEC) or kB/MB/GB (SI). */
  units: z.enum(['iec', 'si']),
  /** "3 days ago" or "2026-12-02 14:05". */
  dates: z.enum(['relative', 'absolute']),
  /** Open the transfers drawer when a transfer starts. */
  openDrawerOnTransfer: z.boolean(),
  layout: layoutSchema,
  /** Repositories pinned in the sidebar, by account id. */
  pinnedRepositories: z.record(z.string().max(255), repositoryList),
  /** Repositories opened lately (at most 20 kept per account), by account id. */
  recentRepositories: z.record(z.string().max(255), repositoryList),
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
  pullConnections: 0,
  pullFolder: '',
  verifyAfterPull: false,
  historySize: 500,
  density: 'compact',
  units: 'iec',
  dates: 'relative',
  openDrawerOnTransfer: true,
  layout: { sidebarWidth: 240, detailsWidth: 360, drawerHeight: 240 },
  pinnedRepositories: {},
  recentRepositories: {},
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

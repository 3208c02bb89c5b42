import { z } from 'zod';
import { settingsPatch, settingsSchema } from './settings-contract.js';

/** The commands the application menu and shortcuts send to the window (UI.md §4). */
export const APP_COMMANDS = [
  'push',
  'inspect',
  'palette',
  'filter',
  'refresh',
  'settings',
  'toggle-sidebar',
  'toggle-drawer',
  'toggle-details',
  'split',
  'shortcuts',
] as const;

/**
 * What the host can say about itself for Settings (UI.md S13 Network and Advanced), read
 * only: its version, the profile folder, the proxy it uses (never with credentials), an extra
 * CA file from NODE_EXTRA_CA_CERTS, and the files logins are imported from.
 */
export const appInfo = z.object({
  version: z.string(),
  /** `process.platform` of the host (linux, darwin, win32). */
  platform: z.string(),
  profileDir: z.string(),
  proxy: z.object({
    source: z.enum(['environment', 'system', 'none']),
    httpsProxy: z.string().optional(),
    httpProxy: z.string().optional(),
    noProxy: z.string().optional(),
    bypassLoopback: z.boolean(),
  }),
  /** NODE_EXTRA_CA_CERTS: trusted for accounts without a CA file of their own. */
  extraCaFile: z.string().optional(),
  importSources: z.array(
    z.object({ source: z.enum(['apptainer', 'docker', 'podman']), file: z.string() }),
  ),
});

/** Channels of the app itself: its settings and what it says about itself. */
export const appChannels = {
  'app:info': {
    request: z.object({}),
    response: appInfo,
  },
  'settings:get': {
    request: z.object({}),
    response: z.object({ settings: settingsSchema }),
  },
  'settings:set': {
    request: z.object({ patch: settingsPatch }),
    response: z.object({ settings: settingsSchema }),
  },
} as const;

/** Events of the app and the desktop shell. */
export const appEvents = {
  /** The settings changed (in this window or another). */
  'settings:changed': z.object({ settings: settingsSchema }),
  /** Files to push: opened with the app, given to a second instance, or dropped on its icon. */
  'app:open-files': z.object({ paths: z.array(z.string().min(1)).min(1) }),
  /** A menu item or global shortcut of the desktop shell. */
  'app:command': z.object({ command: z.enum(APP_COMMANDS) }),
  /** A notification about this transfer was clicked: show it. */
  'transfer:select': z.object({ jobId: z.string() }),
} as const;

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

/** Channels of the app itself: its settings. */
export const appChannels = {
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

import type { Settings } from '../../../shared/settings-contract.js';

/**
 * Whether a finished transfer shows a desktop notification (issue #11): the setting says
 * when (only while the window is not focused, always, never) and whether only failures do.
 */
export function shouldNotify(
  settings: Pick<Settings, 'notifications' | 'notifyFailuresOnly'>,
  windowFocused: boolean,
  ok: boolean,
): boolean {
  if (settings.notifications === 'never') return false;
  if (settings.notifyFailuresOnly && ok) return false;
  return settings.notifications === 'always' || !windowFocused;
}

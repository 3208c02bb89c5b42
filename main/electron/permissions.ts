import type { Session } from 'electron';

/**
 * Denies every permission request and check (camera, notifications from the page, geolocation,
 * …): the window needs none, and desktop notifications come from the main process.
 * Electron security checklist item 5.
 */
export function denyAllPermissions(
  target: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

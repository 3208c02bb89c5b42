import { Notification } from 'electron';

/** Shows a desktop notification when the platform supports them. */
export function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body }).show();
}

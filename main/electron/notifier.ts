import type { BrowserWindow } from 'electron';
import { Notification } from 'electron';
import type { FinishedTransfer, TransferNotifier } from '../app/handlers.js';
import type { EventSink } from '../app/dispatch.js';
import type { SettingsStore } from '../engine/settings/settings-store.js';
import { shouldNotify } from '../engine/settings/notification-policy.js';

/**
 * Desktop notifications for finished transfers (issue #11): shown when the settings and the
 * window's focus say so (by default only while the window is not focused); clicking one
 * brings the window forward and selects that transfer in the drawer.
 */
export function desktopNotifier(
  window: BrowserWindow,
  settings: SettingsStore,
  emit: EventSink,
): TransferNotifier {
  return {
    async finished(transfer: FinishedTransfer) {
      if (!Notification.isSupported() || window.isDestroyed()) return;
      // Focus as it is when the transfer ends, not after the settings are read.
      const focused = window.isFocused();
      if (!shouldNotify(await settings.get(), focused, transfer.ok)) return;
      const note = new Notification({ title: transfer.title, body: transfer.body });
      note.on('click', () => {
        if (window.isDestroyed()) return;
        if (window.isMinimized()) window.restore();
        window.focus();
        emit('transfer:select', { jobId: transfer.jobId });
      });
      note.show();
    },
  };
}

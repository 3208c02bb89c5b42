import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, type EventName, type EventOf } from '../../shared/contract.js';
import { dispatch, type Handlers } from '../app/dispatch.js';

/** The app's own origin: pages loaded from files inside the app bundle. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return new URL(frame.url).protocol === 'file:';
}

/**
 * Binds every contract channel to `ipcMain.handle` through one wrapper that checks the
 * sender (main frame of our own page only; STYLE §3–§4) and validates via `dispatch`.
 */
export function bindIpc(handlers: Handlers): void {
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!trustedSender(event)) {
        return {
          ok: false,
          error: {
            code: 'DENIED',
            message: 'IPC from an untrusted frame refused.',
            retryable: false,
          },
        };
      }
      return dispatch(handlers, channel, request);
    });
  }
}

/** Sends a contract event to one window. */
export function sendEvent<E extends EventName>(
  target: WebContents,
  event: E,
  payload: EventOf<E>,
): void {
  if (!target.isDestroyed()) target.send(event, payload);
}

import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { MESSAGE_CHANNEL } from '../../shared/message-channel.js';
import type { ProtocolServer } from '../app/protocol-server.js';
import { isAppUrl } from './app-protocol.js';

/**
 * True only for a frame sent by the main frame of our own page, `app://sifport/…` (STYLE §4,
 * Electron's security checklist item 17): a sub-frame, another origin or a destroyed frame
 * is refused.
 */
export function isTrustedSender(event: Pick<IpcMainEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

const DENIED = JSON.stringify({
  id: null,
  envelope: {
    ok: false,
    error: { code: 'DENIED', message: 'IPC from an untrusted frame refused.', retryable: false },
  },
});

/**
 * Carries the client protocol over Electron IPC: every frame on {@link MESSAGE_CHANNEL} from
 * a trusted sender goes to `server`, and its answer back to the same sender. The only place
 * in the main process that touches `ipcMain` (lint enforces it).
 */
export function bindIpc(server: ProtocolServer): void {
  ipcMain.on(MESSAGE_CHANNEL, (event, frame: unknown) => {
    const reply = (text: string): void => {
      if (!event.sender.isDestroyed()) event.sender.send(MESSAGE_CHANNEL, text);
    };
    if (!isTrustedSender(event)) {
      reply(DENIED);
      return;
    }
    void server.receive(frame, reply);
  });
}

/** Sends an event frame (already checked by `eventFrame`) to one window. */
export function sendFrame(target: WebContents, frame: string): void {
  if (!target.isDestroyed()) target.send(MESSAGE_CHANNEL, frame);
}

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  MESSAGE_CHANNEL,
  PRELOAD_GLOBAL,
  type PreloadTransport,
} from '../shared/message-channel.js';

/**
 * The preload is a message transport and nothing more (STYLE §5–§6): frames of the client
 * protocol go out and come back on one IPC channel, and the renderer runs the same client on
 * it as on the loopback WebSocket (`preload/web.ts`). It knows no channel or event name, so
 * none can be left out; the renderer checks every frame against the contract.
 */
const transport: PreloadTransport = {
  send(text) {
    if (typeof text !== 'string') throw new TypeError('A frame must be JSON text.');
    ipcRenderer.send(MESSAGE_CHANNEL, text);
  },
  onMessage(listener) {
    const wrapped = (_event: unknown, text: unknown): void => {
      if (typeof text === 'string') listener(text);
    };
    ipcRenderer.on(MESSAGE_CHANNEL, wrapped);
    return () => {
      ipcRenderer.off(MESSAGE_CHANNEL, wrapped);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, transport);

import { socketUrlFor } from '../../shared/loopback-address.js';
import { createWebApi, type MessageTransport } from '../../preload/web.js';
import { uploadFile } from './upload-file.js';

/** Wraps the browser's WebSocket as the text pipe `preload/web.ts` speaks over. */
function socketTransport(socket: WebSocket): MessageTransport {
  return {
    send: (text) => socket.send(text),
    onMessage: (listener) =>
      socket.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (typeof event.data === 'string') listener(event.data);
      }),
    onClose: (listener) => socket.addEventListener('close', () => listener()),
  };
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener(
      'close',
      () => reject(new Error('The Sifport host refused the connection.')),
      {
        once: true,
      },
    );
  });
}

/**
 * Installs `window.sifport` over the loopback host's WebSocket when no preload did, i.e. when
 * the page runs in a plain browser (Playwright's Chromium) and its URL carries the host's
 * token. In Electron the preload has already set it and the WebSocket code is never loaded.
 * `onLost` is told when an open connection closes (the host stopped).
 */
export async function installWebBridge(onLost: () => void = () => undefined): Promise<void> {
  if (window.sifport || window.sifportTransport) return;
  const url = socketUrlFor(window.location);
  if (!url) return;
  const socket = new WebSocket(url);
  await opened(socket);
  socket.addEventListener('close', onLost);
  window.sifport = { ...createWebApi(socketTransport(socket)), uploadFile };
}

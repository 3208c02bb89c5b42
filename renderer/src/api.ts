import type { SifportApi } from '../../shared/contract.js';
import type { PreloadTransport } from '../../shared/message-channel.js';
import { createWebApi } from '../../preload/web.js';

declare global {
  interface Window {
    /** The contract API: built here on the preload's transport, or by the WebSocket bridge. */
    sifport?: SifportApi;
    /** Exposed by the Electron preload (preload/index.ts). */
    sifportTransport?: PreloadTransport;
  }
}

/**
 * The same client as over the loopback WebSocket (`preload/web.ts`), on the preload's pipe:
 * the desktop window and the browser mode run one client code path.
 */
function fromPreload(transport: PreloadTransport): SifportApi {
  const api = createWebApi({
    send: (text) => transport.send(text),
    onMessage: (listener) => void transport.onMessage(listener),
    onClose: () => undefined,
  });
  return { ...api, pathForFile: (file) => transport.pathForFile(file) };
}

/** The contract API, or undefined when the page runs without a host. */
export function api(): SifportApi | undefined {
  // `globalThis`, not `window`: slice tests type-check this module without the DOM library.
  const page = globalThis as unknown as Window;
  if (!page.sifport && page.sifportTransport) {
    page.sifport = fromPreload(page.sifportTransport);
  }
  return page.sifport;
}

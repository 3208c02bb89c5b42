import type { ElectronBridge, SifportApi } from '../../shared/contract.js';
import { checkEventPayload, unwrapEnvelope } from '../../preload/envelope.js';

declare global {
  interface Window {
    /** The contract API: built here from the Electron bridge, or by the WebSocket twin. */
    sifport?: SifportApi;
    /** Exposed by the Electron preload (preload/index.ts). */
    sifportBridge?: ElectronBridge;
  }
}

/** Wraps the Electron bridge: envelopes are unwrapped on this side so error codes survive. */
function fromBridge(bridge: ElectronBridge): SifportApi {
  return {
    invoke: async (channel, request) =>
      unwrapEnvelope(channel, await bridge.invoke(channel, request)),
    on: (event, listener) =>
      bridge.on(event, (payload) => {
        const checked = checkEventPayload(event, payload);
        if (checked !== undefined) listener(checked);
      }),
    pathForFile: (file) => bridge.pathForFile(file),
  };
}

/** The contract API, or undefined when the page runs without a host. */
export function api(): SifportApi | undefined {
  if (!window.sifport && window.sifportBridge) window.sifport = fromBridge(window.sifportBridge);
  return window.sifport;
}

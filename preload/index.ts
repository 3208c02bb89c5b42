import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Channel, ElectronBridge, EventName } from '../shared/contract.js';

/** Kept free of zod so the sandboxed preload stays small; the renderer checks payloads. */
const EVENT_NAMES: readonly EventName[] = ['transfer:progress', 'transfer:finished'];

/**
 * The preload exposes envelopes, not thrown errors: Electron's context bridge keeps only the
 * message of an Error, so the renderer unwraps the envelope itself (renderer/src/api.ts) and
 * the error `code` survives (STYLE §7). Payloads are checked against the contract there too.
 */
const bridge: ElectronBridge = {
  invoke: (channel: Channel, request: unknown) => ipcRenderer.invoke(channel, request),
  on(event, listener) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
    const wrapped = (_e: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.off(event, wrapped);
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('sifportBridge', bridge);

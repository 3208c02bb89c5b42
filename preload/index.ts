import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, Envelope, EventName, SifportApi } from '../shared/contract.js';

const EVENTS: readonly EventName[] = ['transfer:progress', 'transfer:finished'];

/** Error thrown in the renderer for a failed call; `code` is one of shared/error-codes. */
class SifportCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const api: SifportApi = {
  async invoke(channel: Channel, request: unknown) {
    const envelope = (await ipcRenderer.invoke(channel, request)) as Envelope<never>;
    if (envelope.ok) return envelope.value;
    throw new SifportCallError(envelope.error.code, envelope.error.message);
  },
  on(event, listener) {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${event}`);
    const wrapped = (_e: unknown, payload: unknown): void =>
      listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.off(event, wrapped);
  },
};

contextBridge.exposeInMainWorld('sifport', api);

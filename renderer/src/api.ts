import type { SifportApi } from '../../shared/contract.js';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the loopback WebSocket twin (tests). */
    sifport?: SifportApi;
  }
}

/** The contract API, or undefined when the page runs without a host. */
export function api(): SifportApi | undefined {
  return window.sifport;
}

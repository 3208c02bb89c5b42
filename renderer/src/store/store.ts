import { create } from 'zustand';
import type { SifportApi } from '../../../shared/contract.js';
import { SifportCallError } from '../../../preload/envelope.js';
import { api } from '../api.js';
import { createAccountsSlice, type AccountsSlice } from '../features/accounts/accounts-slice.js';
import { createExplorerSlice, type ExplorerSlice } from '../features/explorer/explorer-slice.js';
import {
  createTransfersSlice,
  type TransfersSlice,
} from '../features/transfers/transfers-slice.js';

/** The whole renderer state: one store made of feature slices (STYLE §14). */
export type SifportState = TransfersSlice & ExplorerSlice & AccountsSlice;

/** Builds a window's store over its host API (tests pass a fake host). */
export function createSifportStore(host: SifportApi) {
  return create<SifportState>()((...a) => ({
    ...createTransfersSlice(host)(...a),
    ...createExplorerSlice(host)(...a),
    ...createAccountsSlice(host)(...a),
  }));
}

/**
 * The host the page found (preload or loopback WebSocket), looked up on each call so the
 * store can exist before the connection does; without one every call says so.
 */
const pageHost: SifportApi = {
  invoke: (channel, request) => {
    const host = api();
    if (!host) {
      return Promise.reject(new SifportCallError('NETWORK', 'Not connected to a Sifport host.'));
    }
    return host.invoke(channel, request);
  },
  on: (event, listener) => api()?.on(event, listener) ?? (() => undefined),
};

/** The bound store of this window. IPC events reach it from outside React via `getState()`. */
export const useSifportStore = createSifportStore(pageHost);

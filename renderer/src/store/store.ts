import { create } from 'zustand';
import type { SifportApi } from '../../../shared/contract.js';
import { SifportCallError } from '../../../preload/envelope.js';
import { api } from '../api.js';
import { createAccountsSlice, type AccountsSlice } from '../features/accounts/accounts-slice.js';
import { createDialogsSlice, type DialogsSlice } from '../features/dialogs/dialogs-slice.js';
import { createExplorerSlice, type ExplorerSlice } from '../features/explorer/explorer-slice.js';
import {
  createInspectorSlice,
  type InspectorSlice,
} from '../features/inspector/inspector-slice.js';
import { createKeysSlice, type KeysSlice } from '../features/keys/keys-slice.js';
import { createPushSlice, type PushSlice } from '../features/push/push-slice.js';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice.js';
import { createTargetsSlice, type TargetsSlice } from '../features/targets/targets-slice.js';
import { createHostSlice, type HostSlice } from '../features/shell/host-slice.js';
import { createNoticesSlice, type NoticesSlice } from '../features/shell/notices-slice.js';
import { createViewSlice, type ViewSlice } from '../features/shell/view-slice.js';
import {
  createTransfersSlice,
  type TransfersSlice,
} from '../features/transfers/transfers-slice.js';

/** The whole renderer state: one store made of feature slices (STYLE §14). */
export type SifportState = ViewSlice &
  HostSlice &
  NoticesSlice &
  SettingsSlice &
  AccountsSlice &
  ExplorerSlice &
  PushSlice &
  TransfersSlice &
  InspectorSlice &
  KeysSlice &
  DialogsSlice &
  TargetsSlice;

/** Builds a window's store over its host API (tests pass a fake host). */
export function createSifportStore(host: SifportApi) {
  return create<SifportState>()((...a) => ({
    ...createViewSlice(host)(...a),
    ...createHostSlice(host)(...a),
    ...createNoticesSlice(host)(...a),
    ...createSettingsSlice(host)(...a),
    ...createAccountsSlice(host)(...a),
    ...createExplorerSlice(host)(...a),
    ...createPushSlice(host)(...a),
    ...createTransfersSlice(host)(...a),
    ...createInspectorSlice(host)(...a),
    ...createKeysSlice(host)(...a),
    ...createDialogsSlice(host)(...a),
    ...createTargetsSlice(host)(...a),
  }));
}

/** The store's type, for code that takes a store rather than the window's own. */
export type SifportStore = ReturnType<typeof createSifportStore>;

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
  pathForFile: (file) => {
    const found = api()?.pathForFile;
    if (!found) throw new Error('This window cannot see file paths.');
    return found(file);
  },
  uploadFile: (file, options) => {
    const upload = api()?.uploadFile;
    if (!upload) return Promise.reject(new Error('This window cannot upload files.'));
    return upload(file, options);
  },
};

/** The bound store of this window. IPC events reach it from outside React via `getState()`. */
export const useSifportStore = createSifportStore(pageHost);

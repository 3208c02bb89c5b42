import { create } from 'zustand';
import { createAccountsSlice, type AccountsSlice } from './accounts-slice.js';
import { createExplorerSlice, type ExplorerSlice } from './explorer-slice.js';
import { createTransfersSlice, type TransfersSlice } from './transfers-slice.js';

/** The whole renderer state: one store made of feature slices (STYLE §14). */
export type SifportState = TransfersSlice & ExplorerSlice & AccountsSlice;

/** The bound store. IPC events reach it from outside React through `getState()`. */
export const useSifportStore = create<SifportState>()((...a) => ({
  ...createTransfersSlice(...a),
  ...createExplorerSlice(...a),
  ...createAccountsSlice(...a),
}));

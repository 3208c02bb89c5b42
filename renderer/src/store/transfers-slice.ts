import type { StateCreator } from 'zustand';
import type { EventOf } from '../../../shared/contract.js';
import type { SifportState } from './store.js';

/** One transfer as the window shows it. */
export interface TransferView {
  readonly jobId: string;
  readonly label: string;
  readonly progress?: EventOf<'transfer:progress'>;
  readonly finished?: EventOf<'transfer:finished'>;
}

/** The transfers slice: a map keyed by job id, updated from IPC events (STYLE §12, §14). */
export interface TransfersSlice {
  readonly transfers: Readonly<Record<string, TransferView>>;
  started(jobId: string, label: string): void;
  progressed(event: EventOf<'transfer:progress'>): void;
  finished(event: EventOf<'transfer:finished'>): void;
}

/** Creates the transfers slice. An event may arrive before `started` (fast jobs): it still lands. */
export const createTransfersSlice: StateCreator<SifportState, [], [], TransfersSlice> = (set) => ({
  transfers: {},
  started: (jobId, label) =>
    set((s) => ({
      transfers: { ...s.transfers, [jobId]: { ...s.transfers[jobId], jobId, label } },
    })),
  progressed: (event) =>
    set((s) => {
      const current = s.transfers[event.jobId] ?? { jobId: event.jobId, label: event.jobId };
      return { transfers: { ...s.transfers, [event.jobId]: { ...current, progress: event } } };
    }),
  finished: (event) =>
    set((s) => {
      const current = s.transfers[event.jobId] ?? { jobId: event.jobId, label: event.reference };
      return { transfers: { ...s.transfers, [event.jobId]: { ...current, finished: event } } };
    }),
});

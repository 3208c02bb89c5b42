import type { EventOf } from '../../../../shared/contract.js';
import type { SliceOf } from '../../store/slice.js';

/** One transfer as the window shows it: the queue's job view. */
export type TransferView = EventOf<'transfer:changed'>['job'];

/** The transfers slice: a map keyed by job id, updated from IPC events (STYLE §12, §14). */
export interface TransfersSlice {
  readonly transfers: Readonly<Record<string, TransferView>>;
  /** A job was queued, changed state or ended (also the answer of a push or pull call). */
  jobChanged(job: TransferView): void;
  progressed(event: EventOf<'transfer:progress'>): void;
}

/** Creates the transfers slice. Progress for a job not seen yet is dropped (its change follows). */
export const createTransfersSlice: SliceOf<TransfersSlice> = () => (set) => ({
  transfers: {},
  jobChanged: (job) => set((s) => ({ transfers: { ...s.transfers, [job.id]: job } })),
  progressed: (event) =>
    set((s) => {
      const current = s.transfers[event.jobId];
      if (!current) return s;
      return {
        transfers: { ...s.transfers, [event.jobId]: { ...current, progress: event.progress } },
      };
    }),
});

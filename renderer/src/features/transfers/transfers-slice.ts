import type { EventOf } from '../../../../shared/contract.js';
import type { TransferView } from '../../store/domain.js';
import type { SliceOf } from '../../store/slice.js';

export type { TransferView } from '../../store/domain.js';

/**
 * The transfers slice (S9): jobs keyed by id, updated from IPC events (STYLE §12, §14), and
 * their order, which changes only when a job arrives, so a progress tick re-renders one row.
 */
export interface TransfersSlice {
  readonly transfers: Readonly<Record<string, TransferView>>;
  /** Job ids, newest first. */
  readonly transferOrder: readonly string[];
  /** The row a notification click or a new push asked to show. */
  readonly selectedTransferId?: string;
  loadTransfers(): Promise<void>;
  /** A job was queued, changed state or ended (also the answer of a push or pull call). */
  jobChanged(job: TransferView): void;
  /** A job reached done, failed or cancelled. */
  jobFinished(job: TransferView): void;
  progressed(event: EventOf<'transfer:progress'>): void;
  selectTransfer(jobId: string): void;
}

/** Creates the transfers slice. Progress for a job not seen yet is dropped (its change follows). */
export const createTransfersSlice: SliceOf<TransfersSlice> = (host) => (set, get) => ({
  transfers: {},
  transferOrder: [],
  async loadTransfers() {
    const { jobs } = await host.invoke('transfer:list', {}).catch(() => ({ jobs: [] }));
    const transfers: Record<string, TransferView> = {};
    for (const job of jobs) transfers[job.id] = job;
    const order = [...jobs].sort((a, b) => b.createdAt - a.createdAt).map((j) => j.id);
    set({ transfers, transferOrder: order });
  },
  jobChanged: (job) =>
    set((s) => ({
      transfers: { ...s.transfers, [job.id]: job },
      transferOrder: s.transfers[job.id] ? s.transferOrder : [job.id, ...s.transferOrder],
    })),
  jobFinished: (job) => get().jobChanged(job),
  progressed: (event) =>
    set((s) => {
      const current = s.transfers[event.jobId];
      if (!current) return s;
      return {
        transfers: { ...s.transfers, [event.jobId]: { ...current, progress: event.progress } },
      };
    }),
  selectTransfer: (jobId) => {
    set({ selectedTransferId: jobId });
    get().toggleFrame('drawer', true);
  },
});

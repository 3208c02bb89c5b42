import type { EventOf } from '../../../../shared/contract.js';
import type { TransferProgress, TransferView } from '../../store/domain.js';
import { errorState, type SliceOf } from '../../store/slice.js';
import { countTransfers, type TransferCounts } from './transfer-counts.js';
import { transitionNotice } from './transfer-text.js';

export type { TransferView } from '../../store/domain.js';

/** The drawer's actions on one job. */
export type TransferAction = 'cancel' | 'retry' | 'resume';

/**
 * The transfers slice (S9): jobs keyed by id, updated from IPC events (STYLE §12, §14). A
 * progress tick changes only `transferProgress[id]`, so it re-renders that job's row and the
 * aggregate, never the list; `transferOrder`, `transferCounts` and `runningTransfers` change
 * only when a job arrives or changes state.
 */
export interface TransfersSlice {
  readonly transfers: Readonly<Record<string, TransferView>>;
  /** The latest progress of each job that reported any. */
  readonly transferProgress: Readonly<Record<string, TransferProgress>>;
  /** Job ids, newest first. */
  readonly transferOrder: readonly string[];
  readonly transferCounts: TransferCounts;
  /** Ids of the running jobs (the aggregate and "Slots 2/3"). */
  readonly runningTransfers: readonly string[];
  /** The row a notification click or a new push asked to show. */
  readonly selectedTransferId?: string;
  /** Bumped on each request to show a row, so the drawer scrolls and flashes it again. */
  readonly transferFocusCount: number;
  loadTransfers(): Promise<void>;
  /** A job was queued, changed state or ended (also the answer of a push or pull call). */
  jobChanged(job: TransferView): void;
  /** A job reached done, failed or cancelled. */
  jobFinished(job: TransferView): void;
  progressed(event: EventOf<'transfer:progress'>): void;
  /** Shows a row: selects it and, unless `open` is false, opens the drawer. */
  selectTransfer(jobId: string, open?: boolean): void;
  /** Selects a row without asking the drawer to scroll to it (arrow keys, clicks). */
  focusTransferRow(jobId: string): void;
  actOnTransfer(jobId: string, action: TransferAction): Promise<void>;
  /** Shows a file in the system's file manager (desktop only: `shell:reveal`). */
  revealFile(path: string): Promise<void>;
  /** Drops finished jobs from the history ("Clear finished"). */
  clearFinishedTransfers(): Promise<void>;
}

const EMPTY_COUNTS: TransferCounts = { all: 0, active: 0, queued: 0, failed: 0, done: 0 };

/** Creates the transfers slice. Progress for a job not seen yet is dropped (its change follows). */
export const createTransfersSlice: SliceOf<TransfersSlice> = (host) => (set, get) => {
  const ordered = (
    transfers: Readonly<Record<string, TransferView>>,
    transferOrder: readonly string[],
  ) => {
    const { counts, running } = countTransfers(transferOrder, transfers);
    return { transfers, transferOrder, transferCounts: counts, runningTransfers: running };
  };
  const fail = (title: string, err: unknown): void => {
    const { message } = errorState(err);
    get().notify({ tone: 'danger', title, body: message });
    get().announce(`${title}: ${message}`, 'assertive');
  };
  return {
    transfers: {},
    transferProgress: {},
    transferOrder: [],
    transferCounts: EMPTY_COUNTS,
    runningTransfers: [],
    transferFocusCount: 0,
    async loadTransfers() {
      try {
        const { jobs } = await host.invoke('transfer:list', {});
        const transfers: Record<string, TransferView> = {};
        const transferProgress: Record<string, TransferProgress> = {};
        for (const job of jobs) {
          transfers[job.id] = job;
          if (job.progress) transferProgress[job.id] = job.progress;
        }
        const order = [...jobs].sort((a, b) => b.createdAt - a.createdAt).map((j) => j.id);
        set({ ...ordered(transfers, order), transferProgress });
      } catch (err) {
        fail('Could not load the transfer history', err);
      }
    },
    jobChanged(job) {
      const s = get();
      const before = s.transfers[job.id];
      const order = before ? s.transferOrder : [job.id, ...s.transferOrder];
      set({
        ...ordered({ ...s.transfers, [job.id]: job }, order),
        transferProgress: job.progress
          ? { ...s.transferProgress, [job.id]: job.progress }
          : s.transferProgress,
      });
      const notice = transitionNotice(before, job);
      if (!notice) return;
      get().announce(notice.text, notice.tone === 'danger' ? 'assertive' : 'polite');
      get().notify({ tone: notice.tone, title: notice.text, jobId: job.id });
    },
    jobFinished: (job) => get().jobChanged(job),
    progressed(event) {
      if (!get().transfers[event.jobId]) return;
      set((s) => ({ transferProgress: { ...s.transferProgress, [event.jobId]: event.progress } }));
    },
    selectTransfer(jobId, open = true) {
      set((s) => ({ selectedTransferId: jobId, transferFocusCount: s.transferFocusCount + 1 }));
      if (open) get().toggleFrame('drawer', true);
    },
    focusTransferRow: (jobId) => set({ selectedTransferId: jobId }),
    async actOnTransfer(jobId, action) {
      try {
        if (action === 'cancel') await host.invoke('transfer:cancel', { jobId });
        if (action === 'retry') await host.invoke('transfer:retry', { jobId });
        if (action === 'resume') await host.invoke('transfer:resume', { jobId });
      } catch (err) {
        fail(`Could not ${action} the transfer`, err);
      }
    },
    async revealFile(path) {
      try {
        await host.invoke('shell:reveal', { path });
      } catch (err) {
        fail('Could not show the file', err);
      }
    },
    async clearFinishedTransfers() {
      try {
        await host.invoke('transfer:clear', {});
        await get().loadTransfers();
      } catch (err) {
        fail('Could not clear finished transfers', err);
      }
    },
  };
};

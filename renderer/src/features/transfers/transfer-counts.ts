import type { TransferView } from '../../store/domain.js';

/** The drawer's tabs (UI.md S9). */
export type TransferTab = 'all' | 'active' | 'queued' | 'failed' | 'done';

/** Which tab a job's state belongs to (besides All): an interrupted job waits for Resume. */
export function tabOf(state: TransferView['state']): Exclude<TransferTab, 'all'> {
  switch (state) {
    case 'running':
      return 'active';
    case 'queued':
      return 'queued';
    case 'failed':
    case 'interrupted':
      return 'failed';
    case 'done':
    case 'cancelled':
      return 'done';
  }
}

/** How many jobs each tab holds. */
export type TransferCounts = Readonly<Record<TransferTab, number>>;

/** Counts per tab and the running jobs' ids; computed when a job changes state, never per tick. */
export function countTransfers(
  order: readonly string[],
  transfers: Readonly<Record<string, TransferView>>,
): { counts: TransferCounts; running: readonly string[] } {
  const counts = { all: 0, active: 0, queued: 0, failed: 0, done: 0 };
  const running: string[] = [];
  for (const id of order) {
    const job = transfers[id];
    if (!job) continue;
    counts.all++;
    counts[tabOf(job.state)]++;
    if (job.state === 'running') running.push(id);
  }
  return { counts, running };
}

/** The jobs a tab shows whose label or reference contains `query` (any case), in order. */
export function filterTransfers(
  order: readonly string[],
  transfers: Readonly<Record<string, TransferView>>,
  tab: TransferTab,
  query: string,
): string[] {
  const needle = query.trim().toLowerCase();
  return order.filter((id) => {
    const job = transfers[id];
    if (!job || (tab !== 'all' && tabOf(job.state) !== tab)) return false;
    return (
      !needle ||
      job.label.toLowerCase().includes(needle) ||
      job.reference.toLowerCase().includes(needle)
    );
  });
}

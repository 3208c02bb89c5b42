import type { EventOf } from '../../shared/contract.js';

/**
 * The aggregate progress of all running transfers, for the taskbar or dock
 * (`BrowserWindow.setProgressBar`): bytes done over bytes expected, or -1 when nothing runs.
 * Fed with the same events the window gets.
 */
export class TransferAggregate {
  private readonly running = new Map<string, { done: number; total: number }>();

  /** Takes one event; returns the new aggregate fraction (0..1) or -1 when idle. */
  progressed(event: EventOf<'transfer:progress'>): number {
    this.running.set(event.jobId, {
      done: event.progress.bytesDone,
      total: event.progress.bytesTotal,
    });
    return this.fraction();
  }

  /** A transfer ended (either way). */
  finished(jobId: string): number {
    this.running.delete(jobId);
    return this.fraction();
  }

  /** The current fraction, -1 when nothing runs. */
  fraction(): number {
    if (this.running.size === 0) return -1;
    let done = 0;
    let total = 0;
    for (const job of this.running.values()) {
      done += job.done;
      total += job.total;
    }
    return total > 0 ? Math.min(1, done / total) : 0;
  }
}

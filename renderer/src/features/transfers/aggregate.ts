import type { TransferProgress, TransferView } from '../../store/domain.js';

/** All running transfers together (UI.md S10 "↑2 ↓1 52 MB/s 4 min", the collapsed bar). */
export interface TransferAggregate {
  readonly up: number;
  readonly down: number;
  readonly queued: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Bytes per second, summed. */
  readonly rate: number;
  /** Seconds until everything running is done at the current rate; undefined when unknown. */
  readonly etaSeconds?: number;
}

/**
 * Sums the running jobs' progress: pushes and copies count as ↑, pulls as ↓. Work in the order
 * of the running jobs only, so a tick costs no more than the number of slots.
 */
export function aggregateOf(
  running: readonly string[],
  transfers: Readonly<Record<string, TransferView>>,
  progress: Readonly<Record<string, TransferProgress>>,
  queued: number,
): TransferAggregate {
  let up = 0;
  let down = 0;
  let bytesDone = 0;
  let bytesTotal = 0;
  let rate = 0;
  for (const id of running) {
    if (transfers[id]?.kind === 'pull') down++;
    else up++;
    const p = progress[id];
    if (!p) continue;
    bytesDone += p.bytesDone;
    bytesTotal += p.bytesTotal;
    rate += p.rate;
  }
  const left = bytesTotal - bytesDone;
  return {
    up,
    down,
    queued,
    bytesDone,
    bytesTotal,
    rate,
    ...(rate > 0 && left >= 0 ? { etaSeconds: left / rate } : {}),
  };
}

import type { TRANSFER_PHASES } from '../../../shared/transfers-contract.js';

/** Phases of a transfer, in the order they happen (the contract's list, UI.md S9). */
export type TransferPhase = (typeof TRANSFER_PHASES)[number];

/** One progress report (STYLE §12). Rates in bytes per second, ETA in seconds. */
export interface TransferProgress {
  readonly phase: TransferPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rate: number;
  readonly etaSeconds: number | undefined;
}

/** Receives progress reports; may be called often, so keep it cheap. */
export type ProgressListener = (progress: TransferProgress) => void;

const REPORT_INTERVAL_MS = 100;
const RATE_WINDOW_MS = 2000;

/**
 * Turns raw byte counts into throttled reports with a smoothed rate and an ETA.
 * Reports at most every 100 ms, plus every phase change.
 */
export class ProgressMeter {
  private phase: TransferPhase = 'checking';
  private lastReport = 0;
  private samples: { t: number; bytes: number }[] = [];

  constructor(
    private readonly total: number,
    private readonly listener: ProgressListener | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Switches phase and reports at once. */
  setPhase(phase: TransferPhase, bytesDone = 0): void {
    this.phase = phase;
    this.samples = [];
    this.emit(bytesDone, true);
  }

  /** Records that `bytesDone` bytes of the current phase are done. */
  update(bytesDone: number): void {
    this.emit(bytesDone, false);
  }

  private emit(bytesDone: number, force: boolean): void {
    if (!this.listener) return;
    const t = this.now();
    this.samples.push({ t, bytes: bytesDone });
    while (this.samples.length > 2 && t - this.samples[0]!.t > RATE_WINDOW_MS) this.samples.shift();
    if (!force && t - this.lastReport < REPORT_INTERVAL_MS) return;
    this.lastReport = t;
    const first = this.samples[0]!;
    const elapsed = (t - first.t) / 1000;
    const rate = elapsed > 0 ? Math.max(0, (bytesDone - first.bytes) / elapsed) : 0;
    const remaining = Math.max(0, this.total - bytesDone);
    this.listener({
      phase: this.phase,
      bytesDone,
      bytesTotal: this.total,
      rate,
      etaSeconds: rate > 0 ? remaining / rate : undefined,
    });
  }
}

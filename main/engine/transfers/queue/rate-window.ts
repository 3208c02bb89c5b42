import type { JobProgress, RunnerProgress } from './job.js';

/** Span of the sliding window the rate is measured over, in ms (UI.md S9: a 5-s window). */
export const RATE_WINDOW_MS = 5000;
/** How long a phase runs before an ETA is given, in ms ("estimating…" until then). */
export const ESTIMATE_AFTER_MS = 3000;

/**
 * Turns a runner's raw byte counts into {@link JobProgress}: the rate in bytes per second
 * over the last {@link RATE_WINDOW_MS} of the current phase, and an ETA once the phase has
 * run {@link ESTIMATE_AFTER_MS} with bytes moving. Runners report differently (push's meter,
 * a fake in tests), so the queue measures the rate itself, one way for every job.
 */
export class RateWindow {
  private phase: string | undefined;
  private phaseStart = 0;
  private samples: { t: number; bytes: number }[] = [];

  /** @param now the queue's clock, in epoch milliseconds */
  constructor(private readonly now: () => number) {}

  /** Records one report and returns the progress to show for it. */
  add(report: RunnerProgress): JobProgress {
    const t = this.now();
    const last = this.samples[this.samples.length - 1];
    if (report.phase !== this.phase || (last && report.bytesDone < last.bytes)) {
      this.phase = report.phase;
      this.phaseStart = t;
      this.samples = [];
    }
    this.samples.push({ t, bytes: report.bytesDone });
    while (this.samples.length > 2 && t - this.samples[1]!.t >= RATE_WINDOW_MS)
      this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (t - first.t) / 1000;
    const rate = seconds > 0 ? (report.bytesDone - first.bytes) / seconds : 0;
    const remaining = Math.max(0, report.bytesTotal - report.bytesDone);
    const estimating = t - this.phaseStart < ESTIMATE_AFTER_MS || rate <= 0;
    return {
      phase: report.phase,
      bytesDone: report.bytesDone,
      bytesTotal: report.bytesTotal,
      rate,
      etaSeconds: estimating ? undefined : remaining / rate,
    };
  }
}

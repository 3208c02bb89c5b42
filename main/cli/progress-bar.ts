import type { TransferProgress } from '../engine/transfers/progress.js';
import type { TextSink } from './io.js';

/** Fewest milliseconds between two redraws (at most ~10 per second). */
export const REDRAW_INTERVAL_MS = 100;

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
const TAIL_ALLOWANCE = 56;

/** `1.5 MiB`: binary units, one decimal from KiB up. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** `1:05`, `1:02:03`, or `--:--` when unknown. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** One line: `uploading [#####-----]  42%  12.0 MiB / 30.0 MiB  5.1 MiB/s  ETA 0:04`. */
export function renderProgressLine(p: TransferProgress, columns: number): string {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const rate = p.rate > 0 ? `${formatBytes(p.rate)}/s` : '';
  const tail = [
    percent,
    `${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}`,
    rate,
    `ETA ${formatEta(p.etaSeconds)}`,
  ]
    .filter(Boolean)
    .join('  ');
  const label = p.phase.padEnd(11);
  // A fixed allowance for the figures keeps the bar from changing width as they change.
  const width = Math.max(0, Math.min(30, columns - label.length - TAIL_ALLOWANCE));
  const filled = Math.round(fraction * width);
  const bar = width > 0 ? ` [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : '';
  return `${label}${bar} ${tail}`.slice(0, Math.max(10, columns - 1));
}

/**
 * Draws transfer progress on one terminal line of stderr, redrawn in place (`\r`, then erase
 * to the end of the line) at most every {@link REDRAW_INTERVAL_MS} except on phase changes,
 * and erased by {@link ProgressBar.clear} so the command's own output starts on a clean line.
 */
export class ProgressBar {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastPhase: string | undefined;
  private drawn = false;

  constructor(
    private readonly sink: TextSink,
    private readonly columns = 80,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a progress report; use as the engine's `onProgress`. */
  readonly update = (p: TransferProgress): void => {
    const t = this.now();
    if (p.phase === 'done') return this.clear();
    if (p.phase === this.lastPhase && t - this.lastDraw < REDRAW_INTERVAL_MS) return;
    this.lastDraw = t;
    this.lastPhase = p.phase;
    this.drawn = true;
    this.sink.write(`\r${renderProgressLine(p, this.columns)}\x1b[K`);
  };

  /** Erases the line, if anything was drawn. */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.sink.write('\r\x1b[K');
  }
}

import type { QueueClock } from './clock.js';

/** How long progress waits to be written to the history, in ms (state changes never wait). */
export const PROGRESS_SAVE_DELAY_MS = 5000;

/**
 * Coalesces writes of the history file: at most one write runs at a time and requests made
 * meanwhile fold into one more write of the latest state. State changes ask for a write
 * {@link HistorySaver.now}; progress asks {@link HistorySaver.soon} (within a few seconds),
 * so a transfer that ticks ten times a second does not rewrite the file ten times a second.
 */
export class HistorySaver {
  private dirty = false;
  private writing: Promise<void> | undefined;
  private cancelSoon: (() => void) | undefined;

  /**
   * @param save writes the current records (read when called)
   * @param onError told when a write fails; the next request writes again
   */
  constructor(
    private readonly save: () => Promise<void>,
    private readonly clock: QueueClock,
    private readonly onError: (err: unknown) => void,
    private readonly soonMs: number = PROGRESS_SAVE_DELAY_MS,
  ) {}

  /** Writes as soon as the write in progress (if any) is done. */
  now(): void {
    this.dropSoon();
    this.dirty = true;
    if (!this.writing) this.writing = this.loop();
  }

  /** Writes within {@link PROGRESS_SAVE_DELAY_MS}, unless a write is already due. */
  soon(): void {
    if (this.cancelSoon || this.dirty) return;
    this.cancelSoon = this.clock.setTimer(() => {
      this.cancelSoon = undefined;
      this.now();
    }, this.soonMs);
  }

  /** Resolves once everything asked for, `soon` included, is written. */
  async flush(): Promise<void> {
    if (this.cancelSoon) this.now();
    while (this.writing) await this.writing;
  }

  private dropSoon(): void {
    this.cancelSoon?.();
    this.cancelSoon = undefined;
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        await this.save();
      } catch (err) {
        this.onError(err);
      }
    }
    this.writing = undefined;
  }
}

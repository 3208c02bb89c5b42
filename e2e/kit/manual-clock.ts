/**
 * A clock that moves only when told to (`advance`), with timers that fire in time order as
 * it passes them: for code that takes a `QueueClock`-shaped `{now, setTimer}` (retry
 * back-off, progress throttles), so tests never wait for real time on shared cores.
 */
export class ManualClock {
  private time: number;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  /** @param start epoch milliseconds the clock shows first */
  constructor(start = 1_800_000_000_000) {
    this.time = start;
  }

  /** Epoch milliseconds. */
  now(): number {
    return this.time;
  }

  /** Schedules `fn` at now + `ms`; returns its cancel function. */
  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time on by `ms`, firing each timer due on the way (in order, time set to its due). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}

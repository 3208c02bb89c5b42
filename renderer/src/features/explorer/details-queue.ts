/**
 * Schedules `registry:details` calls for the tag grid (UI.md S5 "details lazily for visible
 * rows ±50, 6 concurrent"): what each pane shows now comes first, a "Load all" after, at
 * most {@link QueueLimits.maxInFlight} calls at once, each for at most a batch of tags, and
 * never a tag that is cached or already asked for. Free of the store so it is tested alone.
 */

/** One call: tags of one repository. */
export interface DetailsBatch {
  readonly repoKey: string;
  readonly tags: readonly string[];
}

/** How much the queue asks for at once. */
export interface QueueLimits {
  /** Calls in flight at most. */
  readonly maxInFlight: number;
  /** Tags per call for what is on screen: small, so six calls share the first screenful. */
  readonly viewBatch: number;
  /** Tags per call for "Load all" (the contract allows 100). */
  readonly bulkBatch: number;
}

/** UI.md S5's limits: 6 calls, 25 tags per on-screen call, 100 per "Load all" call. */
export const DETAILS_LIMITS: QueueLimits = { maxInFlight: 6, viewBatch: 25, bulkBatch: 100 };

interface Wanted {
  readonly repoKey: string;
  readonly tags: readonly string[];
  readonly bulk: boolean;
  next: number;
}

/** The scheduler; `run` performs one call and settles when its answer is in the cache. */
export class DetailsQueue {
  private readonly wanted = new Map<string, Wanted>();
  private readonly flying = new Set<string>();
  private inFlight = 0;

  constructor(
    private readonly run: (batch: DetailsBatch) => Promise<void>,
    private readonly cached: (repoKey: string, tag: string) => boolean,
    private readonly limits: QueueLimits = DETAILS_LIMITS,
  ) {}

  /**
   * What `source` (a pane, or "load all" of a repository) wants now, in order of need; it
   * replaces that source's earlier wish, so scrolling on drops rows no longer shown.
   */
  want(source: string, repoKey: string, tags: readonly string[], bulk = false): void {
    this.wanted.set(source, { repoKey, tags, bulk, next: 0 });
    this.pump();
  }

  /** Drops every wish of `repoKey` (its cache was cleared by a refresh). */
  forget(repoKey: string): void {
    for (const [source, w] of this.wanted) if (w.repoKey === repoKey) this.wanted.delete(source);
  }

  /** Calls running now. */
  get running(): number {
    return this.inFlight;
  }

  private take(w: Wanted): string[] {
    const size = w.bulk ? this.limits.bulkBatch : this.limits.viewBatch;
    const batch: string[] = [];
    while (w.next < w.tags.length && batch.length < size) {
      const tag = w.tags[w.next++]!;
      const key = `${w.repoKey}\n${tag}`;
      if (this.flying.has(key) || this.cached(w.repoKey, tag)) continue;
      batch.push(tag);
    }
    return batch;
  }

  private nextBatch(): DetailsBatch | undefined {
    const order = [...this.wanted].sort(([, a], [, b]) => Number(a.bulk) - Number(b.bulk));
    for (const [source, w] of order) {
      const tags = this.take(w);
      // Exhausted wishes go; the others rotate, so two panes take turns.
      this.wanted.delete(source);
      if (w.next < w.tags.length) this.wanted.set(source, w);
      if (tags.length > 0) return { repoKey: w.repoKey, tags };
    }
    return undefined;
  }

  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight) {
      const batch = this.nextBatch();
      if (!batch) return;
      const keys = batch.tags.map((tag) => `${batch.repoKey}\n${tag}`);
      keys.forEach((k) => this.flying.add(k));
      this.inFlight++;
      void this.run(batch)
        .catch(() => undefined)
        .finally(() => {
          keys.forEach((k) => this.flying.delete(k));
          this.inFlight--;
          this.pump();
        });
    }
  }
}

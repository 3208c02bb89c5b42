/**
 * What we learnt about a registry's upload behaviour, so the next push starts right
 * (per-registry fallback when chunked uploads misbehave; oras.md §3.3).
 */
export interface UploadTuning {
  /** Largest request body the registry accepted after a 413, in bytes. */
  readonly maxChunk?: number;
  /** The registry mishandles `Content-Range` chunks: send the blob in one stream PATCH. */
  readonly streamMode?: boolean;
}

/** Where tuning is remembered: in memory for the app session, on disk for the CLI. */
export interface UploadTuningStore {
  get(registry: string): UploadTuning | undefined;
  set(registry: string, tuning: UploadTuning): void;
}

/** A {@link UploadTuningStore} that forgets when the process ends: a `Map` keyed by registry. */
export class MemoryUploadTuningStore
  extends Map<string, UploadTuning>
  implements UploadTuningStore {}

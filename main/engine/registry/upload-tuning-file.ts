import { readFile } from 'node:fs/promises';
import { writePrivateFileAtomic } from '../accounts/stores/private-file.js';
import type { UploadTuning, UploadTuningStore } from './upload-tuning.js';

function validTuning(value: unknown): value is UploadTuning {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v['maxChunk'] === undefined ||
      (Number.isSafeInteger(v['maxChunk']) && Number(v['maxChunk']) > 0)) &&
    (v['streamMode'] === undefined || typeof v['streamMode'] === 'boolean')
  );
}

/**
 * The CLI's {@link UploadTuningStore}: what each registry taught us about uploads (chunk
 * limits, stream mode; oras.md §3.3), kept in `upload-tuning.json` so the next push starts
 * right. The engine's interface is synchronous, so the file is read once by {@link open}
 * and written back by {@link flush}. A missing or corrupt file is an empty store: it only
 * saves time.
 */
export class FileUploadTuningStore implements UploadTuningStore {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, UploadTuning>,
  ) {}

  /** Loads the store from `file` (absent or unreadable: empty). */
  static async open(file: string): Promise<FileUploadTuningStore> {
    const entries = new Map<string, UploadTuning>();
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { registries?: unknown };
      const registries = parsed.registries;
      if (typeof registries === 'object' && registries !== null) {
        for (const [registry, tuning] of Object.entries(registries)) {
          if (validTuning(tuning)) entries.set(registry, tuning);
        }
      }
    } catch {
      // Missing or corrupt: start empty.
    }
    return new FileUploadTuningStore(file, entries);
  }

  get(registry: string): UploadTuning | undefined {
    return this.entries.get(registry);
  }

  set(registry: string, tuning: UploadTuning): void {
    this.entries.set(registry, { ...tuning });
    this.dirty = true;
  }

  /** Writes the store back if anything changed. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const registries = Object.fromEntries(this.entries);
    await writePrivateFileAtomic(this.file, `${JSON.stringify({ version: 1, registries })}\n`);
  }
}

import { readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { JobRecord } from '../engine/transfers/queue/job.js';

/** True when `file` lies directly in `dir`. */
function isIn(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !rel.includes(sep);
}

/** The upload a push job reads, when it reads one. */
function uploadOf(dir: string, record: JobRecord): string | undefined {
  return record.spec.kind === 'push' && isIn(dir, record.spec.file) ? record.spec.file : undefined;
}

/**
 * Removes the copies the browser mode's upload endpoint writes once nothing needs them: when
 * their push is done or cancelled (a failed or interrupted push keeps its copy for Retry or
 * Resume), and at start-up every copy no job in the history still refers to.
 */
export class TemporaryUploads {
  constructor(private readonly dir: string) {}

  /** Feed every queue change here. */
  changed(record: JobRecord): void {
    const file = uploadOf(this.dir, record);
    if (file && (record.state === 'done' || record.state === 'cancelled')) {
      void rm(file, { force: true });
    }
  }

  /** Removes uploads no remaining job refers to (after a crash, or jobs cleared). */
  async sweep(jobs: readonly JobRecord[]): Promise<void> {
    const kept = new Set(
      jobs
        .filter((j) => j.state !== 'done' && j.state !== 'cancelled')
        .map((j) => uploadOf(this.dir, j))
        .filter((f): f is string => f !== undefined),
    );
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .map((name) => join(this.dir, name))
        .filter((f) => !kept.has(f))
        .map((f) => rm(f, { force: true })),
    );
  }
}

import type { JobRecord } from './job.js';

/** True while a job is queued (waiting to retry included) or running: never dropped. */
export function isActive(record: JobRecord): boolean {
  return record.state === 'queued' || record.state === 'running';
}

/**
 * The history cap: of `records` (newest first) keeps every active or `pinned` one and the
 * newest others until `limit` records are kept in all, in their order.
 */
export function keepNewest(
  records: readonly JobRecord[],
  limit: number,
  pinned: (record: JobRecord) => boolean,
): JobRecord[] {
  const held = (r: JobRecord): boolean => isActive(r) || pinned(r);
  let room = Math.max(0, limit - records.filter(held).length);
  return records.filter((r) => {
    if (held(r)) return true;
    if (room === 0) return false;
    room--;
    return true;
  });
}

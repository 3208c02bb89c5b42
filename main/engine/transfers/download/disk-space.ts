import { statfs } from 'node:fs/promises';
import { SifportError } from '../../errors.js';

/** Bytes an unprivileged user may still write in `dir`'s filesystem, or undefined if unknown. */
export type FreeSpaceProbe = (dir: string) => Promise<number | undefined>;

/** {@link FreeSpaceProbe} from `statfs` (blocks available to non-root users). */
export const statfsFreeSpace: FreeSpaceProbe = async (dir) => {
  try {
    const fs = await statfs(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
};

function gigabytes(bytes: number): string {
  return `${(bytes / 1e9).toFixed(bytes < 1e10 ? 2 : 1)} GB`;
}

/**
 * Refuses a download before its first byte when `dir` cannot hold `needed` more bytes, so a
 * multi-GB pull does not fail at 90 % with ENOSPC. When the free space cannot be read
 * (`probe` answers undefined), the download goes ahead.
 */
export async function requireFreeSpace(
  dir: string,
  needed: number,
  target: string,
  probe: FreeSpaceProbe = statfsFreeSpace,
): Promise<void> {
  if (needed <= 0) return;
  const free = await probe(dir);
  if (free === undefined || free >= needed) return;
  throw new SifportError(
    'FILE_ERROR',
    `Not enough space for ${target}: the SIF needs ${gigabytes(needed)} more and ${dir} has ${gigabytes(free)} free. Free some space or pull to another disk.`,
  );
}

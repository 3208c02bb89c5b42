import { constants } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { SifportError, toSifportError } from '../../errors.js';
import { openBlobRange } from '../../registry/blobs.js';
import type { RegistryClient } from '../../registry/client.js';
import { parseContentRange } from '../../registry/range-source.js';
import { headerValue, type HttpResponse } from '../../registry/transport/http.js';
import { WRITE_BATCH_BYTES } from './body-sink.js';
import { writeBodyToFile } from './download-sink.js';
import type { WriteFileOpener } from './ordered-file-writer.js';
import { openPartialFile } from './partial-file.js';

// O_NOFOLLOW is missing on Windows; there a link is followed.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

const MiB = 1024 * 1024;

/** Blobs with at least this many bytes left are pulled over several connections. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
/** Connections per blob when the caller does not say (issue #13; 1 turns it off). */
export const DEFAULT_PARALLEL = 4;

/** One region of the blob: bytes [start, end), of which [start, done) are on disk. */
interface Region {
  readonly start: number;
  readonly end: number;
  done: number;
}

/** Input to {@link downloadRegions}. */
export interface RegionDownload {
  readonly client: RegistryClient;
  readonly repository: string;
  readonly digest: string;
  /** The blob's size (the descriptor's). */
  readonly size: number;
  /** The partial file; it holds the blob's first `from` bytes. */
  readonly path: string;
  readonly from: number;
  readonly connections: number;
  /** Opens the partial file for writing (no links, only our own file). */
  readonly open: WriteFileOpener;
  /** Told each time the unbroken prefix on disk grows (the pull hashes behind it). */
  readonly onPrefix: (bytes: number) => void;
  /** Told the bytes on disk in all, holes included (progress). */
  readonly onBytes: (bytes: number) => void;
  readonly signal?: AbortSignal | undefined;
}

/** A server that answered a region's `Range` with anything but the 206 asked for. */
class RangeRefused extends Error {}

/** `count` regions of [from, size) as even as whole MiB allow (the last takes the rest). */
export function splitRegions(from: number, size: number, count: number): Region[] {
  const step = Math.max(1, Math.ceil((size - from) / count / 1048576)) * 1048576;
  const regions: Region[] = [];
  for (let start = from; start < size; start += step) {
    regions.push({ start, end: Math.min(size, start + step), done: start });
  }
  return regions;
}

/** The end of the bytes on disk without a hole: up to the first region not yet complete. */
function unbrokenPrefix(regions: readonly Region[], from: number): number {
  let prefix = from;
  for (const region of regions) {
    if (region.done < region.end) return region.done;
    prefix = region.end;
  }
  return prefix;
}

/** True when a 206 carries exactly bytes [start, end] of a blob of `size` bytes. */
function servesRange(res: HttpResponse, start: number, end: number, size: number): boolean {
  const range = parseContentRange(headerValue(res.headers, 'content-range'));
  return (
    res.status === 206 &&
    range?.start === start &&
    range.end === end &&
    (range.total === undefined || range.total === size)
  );
}

/** The marker beside a partial file while regions beyond its prefix may hold holes. */
function markerPath(path: string): string {
  return `${path}.regions`;
}

/** Writes the marker without following a link someone may have planted at its name. */
async function writeMarker(path: string, from: number): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NOFOLLOW;
  const handle = await open(markerPath(path), flags, 0o600);
  try {
    await handle.writeFile(JSON.stringify({ from }));
  } finally {
    await handle.close();
  }
}

/**
 * Before a pull resumes `path`: when a parallel download of it ended without cutting the
 * file back (the process was killed), bytes past the prefix it started from may have holes,
 * so the file is cut back to that prefix. Nothing to do without the marker.
 */
export async function discardUnfinishedRegions(path: string): Promise<void> {
  let from: number;
  try {
    from = Number(JSON.parse(await readFile(markerPath(path), 'utf8')).from);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    from = 0;
  }
  await cutBack(path, Number.isSafeInteger(from) && from >= 0 ? from : 0);
  await rm(markerPath(path), { force: true });
}

/** Truncates the partial file (opened as ours) to `bytes`; a missing file stays missing. */
async function cutBack(path: string, bytes: number): Promise<void> {
  try {
    const opened = await openPartialFile(path, 'append');
    try {
      if (opened.size > bytes) await opened.handle.truncate(bytes);
    } finally {
      await opened.handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Downloads bytes [from, size) of a blob over `connections` connections at once, each asking
 * `Range` for its own region and writing it at its place in the partial file (issue #13:
 * one TCP connection carries at most a window per round trip; containerd 2.1 fetches ranges
 * of one blob in parallel too). A region cut mid-way continues from its own bytes on disk.
 * The pull hashes the file in order behind `onPrefix`, as for one stream.
 *
 * Resolves with the unbroken prefix on disk and the resumes: the whole blob, or less when the
 * server answered a `Range` with anything but the exact 206 (the caller then continues with
 * one stream). Before it settles the file is cut back to that prefix, so a later resume never
 * reads a hole; a marker file covers a process killed meanwhile
 * ({@link discardUnfinishedRegions}). Rejects with the first error no retry mends.
 */
export async function downloadRegions(
  d: RegionDownload,
): Promise<{ written: number; resumes: number }> {
  const regions = splitRegions(d.from, d.size, d.connections);
  // The regions share one stream's write buffers: 4 connections each batching 4 MiB put a
  // 512 MiB TLS pull's peak RSS at 191 MiB, 1 MiB batches at 152.
  const batchBytes = Math.max(MiB, Math.floor(WRITE_BATCH_BYTES / d.connections / MiB) * MiB);
  const stop = new AbortController();
  const signal = d.signal ? AbortSignal.any([d.signal, stop.signal]) : stop.signal;
  let prefix = d.from;
  let resumes = 0;
  let refused = false;
  const progress = (): void => {
    d.onBytes(d.from + regions.reduce((sum, r) => sum + (r.done - r.start), 0));
    const now = unbrokenPrefix(regions, d.from);
    if (now > prefix) {
      prefix = now;
      d.onPrefix(prefix);
    }
  };

  const fetchRegion = async (region: Region): Promise<void> => {
    let failures = 0;
    while (region.done < region.end) {
      try {
        const last = region.end - 1;
        const res = await openBlobRange(
          d.client,
          d.repository,
          d.digest,
          region.done,
          last,
          signal,
          true,
        );
        if (!servesRange(res, region.done, last, d.size)) {
          res.body.destroy(); // a 200 would be the whole blob: do not read it
          throw new RangeRefused();
        }
        await writeBodyToFile(res.body, {
          path: d.path,
          append: true,
          position: region.done,
          open: d.open,
          hash: { update: () => {} },
          maxBytes: region.end - region.done,
          batchBytes,
          tooLong: () => new SifportError('NETWORK', 'A region came back too long.'),
          onWritten: (end) => {
            region.done = end;
            progress();
          },
          signal,
        });
        if (region.done < region.end) {
          throw new SifportError('NETWORK', 'A region ended early.', { retryable: true });
        }
      } catch (err) {
        if (err instanceof RangeRefused) {
          refused = true;
          stop.abort();
        }
        if (refused || stop.signal.aborted) return;
        const e = toSifportError(err);
        if (!e.retryable || signal.aborted || ++failures > d.client.retryPolicy.attempts) {
          throw e;
        }
        resumes++;
      }
    }
  };

  await writeMarker(d.path, d.from);
  // The first failure is the one to report: the others may only be the stop it caused.
  let failure: { readonly reason: unknown } | undefined;
  await Promise.all(
    regions.map((region) =>
      fetchRegion(region).catch((reason: unknown) => {
        failure ??= { reason };
        stop.abort();
      }),
    ),
  );
  const written = unbrokenPrefix(regions, d.from);
  await cutBack(d.path, written);
  await rm(markerPath(d.path), { force: true });
  if (failure && !refused) throw failure.reason;
  return { written, resumes };
}

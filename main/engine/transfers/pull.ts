import { rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SifportError, toSifportError } from '../errors.js';
import { openBlob } from '../registry/blobs.js';
import { isLoopbackHost } from '../registry/transport/hosts.js';
import { ResumableHash } from '../registry/transport/resumable-hash.js';
import { formatReference } from '../registry/reference.js';
import type { Descriptor } from '../registry/artifact/sif-layer.js';
import { requireFreeSpace, type FreeSpaceProbe } from './download/disk-space.js';
import { writeBodyToFile } from './download/download-sink.js';
import {
  DEFAULT_PARALLEL,
  PARALLEL_MIN_BYTES,
  discardUnfinishedRegions,
  downloadRegions,
} from './download/parallel-regions.js';
import { openPartialFile, partialPathFor } from './download/partial-file.js';
import { acquirePullLock, lockPathFor, type LockHolder } from './download/pull-lock.js';
import { TrailingHash } from './download/trailing-hash.js';
import { WorkerFileHash, type FileHash } from './download/worker-file-hash.js';
import { assertUnchanged, changedOnDisk, verifyOnDisk } from './download/verify-on-disk.js';
import { alreadyExists, destinationPath, exists } from './pull-destination.js';
import { ProgressMeter } from './progress.js';
import type { RegistryEnd, TransferControls } from './transfer-options.js';
import { resolveSifLayer } from './resolve-layer.js';
import { requireSifFile } from './sif-check.js';

/** Input to {@link pullSif}. */
export interface PullOptions extends TransferControls, RegistryEnd {
  /** Destination file, or an existing directory to put the file in. */
  readonly destination: string;
  /** Replace an existing destination file. */
  readonly force?: boolean | undefined;
  /** Architecture for image indexes (Go names: amd64, arm64, …); default: this machine's. */
  readonly arch?: string | undefined;
  /**
   * Connections for one large blob (at least {@link PARALLEL_MIN_BYTES} left), each fetching
   * its own `Range`; 1 for one stream. Without it: {@link DEFAULT_PARALLEL} for a registry on
   * another machine, one stream for one on this machine ({@link pullConnections}).
   */
  readonly connections?: number | undefined;
  /**
   * Runs on the complete, verified temporary file before it is moved into place (or on the
   * finished file another pull of the same image just wrote there).
   */
  readonly beforeCommit?: ((tempPath: string) => Promise<void>) | undefined;
  /** Told what the pull waits for: another pull of the same image to the same file. */
  readonly onNotice?: ((message: string) => void) | undefined;
  /** How free space is read before downloading (tests fake a full disk). */
  readonly freeSpace?: FreeSpaceProbe | undefined;
}

/** What a pull did. */
export interface PullResult {
  readonly reference: string;
  readonly path: string;
  readonly manifestDigest: string;
  readonly layerDigest: string;
  readonly size: number;
  readonly resumes: number;
  /** True when another pull to the same path finished while this one waited, and its file was used. */
  readonly finishedByAnother: boolean;
}

export { hostArch } from './resolve-layer.js';

const FILE_ERRNOS = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENAMETOOLONG',
]);

/** A failure of the local file system (missing folder, no space, no permission) as FILE_ERROR. */
function localFileError(err: unknown, target: string): SifportError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof SifportError || code === undefined || !FILE_ERRNOS.has(code)) return undefined;
  const message =
    code === 'ENAMETOOLONG'
      ? `Cannot write ${target}: the name is too long for the file system; choose a shorter file name.`
      : `Cannot write ${target}: ${(err as Error).message}.`;
  return new SifportError('FILE_ERROR', message, { cause: err });
}

/**
 * Continues `hash` over the partial file at `path` (a resume after bytes already on disk),
 * and returns how many bytes it holds. The file is opened and checked as ours first (no link,
 * no other owner), an absent file is 0 bytes, and one longer than the layer is removed.
 */
async function catchUpOnPartial(path: string, hash: FileHash, layerSize: number): Promise<number> {
  let size: number;
  try {
    const opened = await openPartialFile(path, 'read');
    size = opened.size;
    await opened.handle.close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    size = 0;
  }
  if (size > layerSize || size < hash.offset) hash.reset();
  if (size > layerSize) {
    await rm(path, { force: true });
    return 0;
  }
  await hash.catchUp(path, size);
  return size;
}

function waitingMessage(target: string, holder: LockHolder | undefined): string {
  const who = holder
    ? ` (pid ${holder.pid} on ${holder.host}${holder.started ? `, since ${holder.started}` : ''})`
    : '';
  return `Waiting for another pull of ${target}${who} to finish.`;
}

/**
 * Connections for a pull: as asked, or else {@link DEFAULT_PARALLEL} for a registry on another
 * machine and 1 for a loopback one. Parallel ranges beat the round trip a single connection
 * waits on; on loopback there is none to beat, and they cost CPU and memory instead (1 GiB
 * from a loopback registry: pull/curl 0.65 with four, 0.96 with one; peak RSS 157 MiB against
 * 118–135).
 */
export function pullConnections(asked: number | undefined, registry: string): number {
  return asked ?? (isLoopbackHost(registry) ? 1 : DEFAULT_PARALLEL);
}

/**
 * Layers from this size on are hashed on a worker thread ({@link WorkerFileHash}); below it
 * the thread's start (some 30 ms) would cost more than the hashing it takes off the pull.
 */
const WORKER_HASH_MIN_BYTES = 32 * 1024 * 1024;

/** What {@link downloadLayer} needs: the pull, its layer, and where the bytes go. */
interface Download {
  readonly options: PullOptions;
  readonly layer: Descriptor;
  readonly target: string;
  readonly temp: string;
  readonly progress: ProgressMeter;
}

/**
 * How the sinks open the partial file ({@link openPartialFile}). A fresh start makes a new
 * file (O_EXCL): whatever held the name is removed first. No await comes between the blob
 * response and the sink, so a pull cancelled once bytes arrived leaves them on disk.
 */
async function openPartial(path: string, append: boolean): Promise<FileHandle> {
  if (!append) await rm(path, { force: true });
  return (await openPartialFile(path, append ? 'append' : 'create')).handle;
}

/** The sinks' hash: unused, the pull hashes the file from disk ({@link TrailingHash}). */
const NO_STREAM_HASH = { update: (): void => {} };

/**
 * Streams the layer into the partial file after the `onDisk` bytes it already holds (asked
 * with `Range`; `hash` has read them), resuming after broken connections, while `hash` reads
 * every written byte back from disk ({@link TrailingHash}). Resolves with the resumes once the
 * whole layer is on disk and the digest of what is on disk matched.
 */
async function downloadLayer(
  { options, layer, target, temp, progress }: Download,
  hash: FileHash,
  onDisk: number,
): Promise<number> {
  const { client, reference, signal } = options;
  const trail = new TrailingHash(hash, temp);
  let written = onDisk;
  let resumes = 0;
  let failures = 0;
  progress.setPhase('downloading', written);
  const connections = pullConnections(options.connections, client.registry);
  if (connections > 1 && layer.size - written >= PARALLEL_MIN_BYTES) {
    if (written === 0) await (await openPartial(temp, false)).close();
    const regions = await downloadRegions({
      client,
      repository: reference.repository,
      digest: layer.digest,
      size: layer.size,
      path: temp,
      from: written,
      connections,
      open: openPartial,
      onPrefix: (bytes) => trail.written(bytes),
      onBytes: (bytes) => progress.update(bytes),
      signal,
    });
    resumes += regions.resumes;
    // What the regions left is an unbroken prefix; one stream fetches any rest.
    await trail.settle();
    written = await catchUpOnPartial(temp, hash, layer.size);
  }
  while (written < layer.size) {
    try {
      const { response, partial } = await openBlob(
        client,
        reference.repository,
        layer.digest,
        written,
        signal,
        layer.size,
      );
      // The trail is settled here (nothing written since the last catch-up).
      if (!partial && written > 0) {
        hash.reset();
        written = 0;
      }
      const base = written;
      written += await writeBodyToFile(response.body, {
        path: temp,
        append: written > 0,
        open: openPartial,
        hash: NO_STREAM_HASH,
        onWritten: (fileBytes) => trail.written(fileBytes),
        maxBytes: layer.size - written,
        tooLong: () =>
          new SifportError(
            'SIZE_MISMATCH',
            `The registry sent more than the ${layer.size} bytes the manifest declares; nothing was written to ${target}.`,
          ),
        onBytes: (accepted) => progress.update(base + accepted),
        signal,
      });
      if (written < layer.size)
        throw new SifportError('NETWORK', 'The download ended early.', { retryable: true });
    } catch (err) {
      // A body cut mid-way is already a retryable NETWORK error (the transport's own).
      const e = localFileError(err, target) ?? toSifportError(err);
      if (!e.retryable || ++failures > client.retryPolicy.attempts) throw e;
      // The sink has written every byte it accepted and closed the file: resume after them.
      await trail.settle();
      written = await catchUpOnPartial(temp, hash, layer.size);
      resumes++;
    }
  }
  progress.setPhase('verifying', written);
  await trail.settle();
  await hash.catchUp(temp, written, signal);
  const digest = await hash.digest();
  if (digest !== layer.digest) {
    throw new SifportError(
      'DIGEST_MISMATCH',
      `The downloaded SIF does not match its digest (expected ${layer.digest}, got ${digest}); it was discarded and nothing was written to ${target}.`,
    );
  }
  return resumes;
}

/**
 * Downloads, checks and moves the file into place. The digest checked is that of the bytes
 * on disk (read back behind the writer). Right after the download the partial file is opened
 * without following links and its `fstat` kept; last before the rename its size, mtime, ctime
 * and inode must still be those (see {@link assertUnchanged}), then it is made executable
 * through that handle: a file changed after its bytes were read back never lands.
 */
async function downloadAndCommit(download: Download): Promise<number> {
  const { layer } = download;
  const hash: FileHash & { close?: () => void } =
    layer.size >= WORKER_HASH_MIN_BYTES ? new WorkerFileHash() : new ResumableHash();
  try {
    return await downloadCheckAndMove(download, hash);
  } finally {
    hash.close?.();
  }
}

/** {@link downloadAndCommit} with its hash. */
async function downloadCheckAndMove(download: Download, hash: FileHash): Promise<number> {
  const { options, layer, target, temp } = download;
  // Outside the try: a partial file refused as not ours, or a full disk, leaves it as it is.
  await discardUnfinishedRegions(temp);
  const onDisk = await catchUpOnPartial(temp, hash, layer.size);
  await requireFreeSpace(dirname(temp), layer.size - onDisk, target, options.freeSpace);
  try {
    const resumes = await downloadLayer(download, hash, onDisk);
    const done = await openPartialFile(temp, 'read');
    try {
      if (done.size !== layer.size)
        throw changedOnDisk(temp, `holds ${done.size} bytes, not ${layer.size}`);
      await requireSifFile(temp);
      await options.beforeCommit?.(temp);
      await assertUnchanged(temp, done.handle, done.stats);
      await done.handle.chmod(0o755);
    } finally {
      await done.handle.close();
    }
    await rename(temp, target);
    return resumes;
  } catch (err) {
    const e = localFileError(err, target) ?? toSifportError(err);
    // Keep a partial download for a later resume only when it may still be good.
    if (e.code !== 'NETWORK' && e.code !== 'CANCELLED') {
      await rm(temp, { force: true }).catch(() => {});
    }
    if (e.code === 'NOT_A_SIF') {
      throw new SifportError(
        'NOT_A_SIF',
        `The artifact ${formatReference(options.reference)} is not a SIF file; nothing was written to ${target}.`,
      );
    }
    throw e;
  }
}

/**
 * After waiting for another pull to the same path: true when the file it left there is this
 * layer (size and sha256 read from disk), so this pull can use it instead of downloading.
 */
async function finishedByAnother(
  target: string,
  layer: Descriptor,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const verified = await verifyOnDisk(target, layer, { requireOwner: false, signal });
    await verified.close();
    return true;
  } catch (err) {
    if (signal?.aborted) throw err;
    return false;
  }
}

/**
 * Pulls a SIF as `apptainer pull oras://` does, and more carefully (oras.md §1.3): any
 * manifest flavour apptainer ever pushed, an index by platform, the single SIF layer
 * streamed to a temporary file beside the destination, its size checked and its sha256 read
 * back from disk behind the writer, resumed with `Range` after a broken connection, then
 * renamed into place if unchanged since. A mismatch leaves nothing at the destination.
 *
 * Many jobs may pull one image to one shared path at once: the partial file is guarded by a
 * lock file (`pull-lock.ts`), so one pull writes while the others wait (told through
 * `onNotice`); a waiter then uses the finished file when it holds this layer, or resumes the
 * partial file that was left. The partial file is never opened through a link and must be
 * this user's own (`partial-file.ts`); a dangling link at the destination counts as a file.
 */
export async function pullSif(options: PullOptions): Promise<PullResult> {
  const { client, reference, signal } = options;
  // The blob GETs' connections open while the token and manifest are fetched.
  client.warmUp(pullConnections(options.connections, client.registry), signal);
  const { layer, manifestDigest } = await resolveSifLayer(client, reference, options.arch, signal);
  const target = await destinationPath(options.destination, reference, layer);
  if (!options.force && (await exists(target))) throw alreadyExists(target);
  const temp = partialPathFor(target, layer.digest);
  const progress = new ProgressMeter(layer.size, options.onProgress);
  const lock = await acquirePullLock(lockPathFor(temp), {
    signal,
    onWait: (holder) => options.onNotice?.(waitingMessage(target, holder)),
  }).catch((err: unknown) => {
    throw localFileError(err, target) ?? toSifportError(err);
  });
  let resumes = 0;
  let found = false;
  try {
    if (await exists(target)) {
      found = lock.waited && (await finishedByAnother(target, layer, signal));
      if (!found && !options.force) throw alreadyExists(target);
    }
    if (found) await options.beforeCommit?.(target);
    else resumes = await downloadAndCommit({ options, layer, target, temp, progress });
  } catch (err) {
    throw localFileError(err, target) ?? toSifportError(err);
  } finally {
    await lock.release();
  }
  progress.setPhase('done', layer.size);
  return {
    reference: formatReference(reference),
    path: target,
    manifestDigest,
    layerDigest: layer.digest,
    size: layer.size,
    resumes,
    finishedByAnother: found,
  };
}

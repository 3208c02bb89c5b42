import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { SifportError, toSifportError } from '../errors.js';
import { openBlob } from '../registry/blobs.js';
import type { RegistryClient } from '../registry/client.js';
import { networkError } from '../registry/transport/http.js';
import { formatReference, type Reference } from '../registry/reference.js';
import type { Descriptor } from '../registry/artifact/sif-layer.js';
import { requireFreeSpace, type FreeSpaceProbe } from './download/disk-space.js';
import { writeBodyToFile } from './download/download-sink.js';
import { ProgressMeter, type ProgressListener } from './progress.js';
import { resolveSifLayer } from './resolve-layer.js';
import { requireSifFile } from './sif-check.js';

/** Input to {@link pullSif}. */
export interface PullOptions {
  readonly client: RegistryClient;
  readonly reference: Reference;
  /** Destination file, or an existing directory to put the file in. */
  readonly destination: string;
  /** Replace an existing destination file. */
  readonly force?: boolean | undefined;
  /** Architecture for image indexes (Go names: amd64, arm64, …); default: this machine's. */
  readonly arch?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ProgressListener | undefined;
  /** Runs on the complete, verified temporary file before it is moved into place. */
  readonly beforeCommit?: ((tempPath: string) => Promise<void>) | undefined;
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
}

export { hostArch } from './resolve-layer.js';

async function destinationPath(options: PullOptions, layer: Descriptor): Promise<string> {
  const st = await stat(options.destination).catch(() => undefined);
  if (st?.isDirectory()) {
    const title = layer.annotations?.['org.opencontainers.image.title'];
    const safe =
      title && basename(title) === title && !title.startsWith('.')
        ? title
        : `${basename(options.reference.repository)}_${options.reference.tag ?? 'latest'}.sif`;
    return join(options.destination, safe);
  }
  return options.destination;
}

const FILE_ERRNOS = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
]);

/** A failure of the local file system (missing folder, no space, no permission) as FILE_ERROR. */
function localFileError(err: unknown, target: string): SifportError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err instanceof SifportError || code === undefined || !FILE_ERRNOS.has(code)) return undefined;
  return new SifportError('FILE_ERROR', `Cannot write ${target}: ${(err as Error).message}.`, {
    cause: err,
  });
}

/** Hashes an existing partial file so a download can continue after it. */
async function hashPrefix(path: string): Promise<{ hash: Hash; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash, size };
}

/**
 * Pulls a SIF as `apptainer pull oras://` does, and more carefully (oras.md §1.3): any
 * manifest flavour apptainer ever pushed, an index by platform, the single SIF layer
 * streamed to a temporary file beside the destination while size and sha256 are checked,
 * resumed with `Range` after a broken connection, then renamed into place. A mismatch
 * leaves nothing at the destination.
 */
export async function pullSif(options: PullOptions): Promise<PullResult> {
  const { client, reference, signal } = options;
  const { layer, manifestDigest } = await resolveSifLayer(client, reference, options.arch, signal);
  const target = await destinationPath(options, layer);
  if (!options.force && (await stat(target).catch(() => undefined))) {
    throw new SifportError(
      'FILE_ERROR',
      `${target} already exists. Remove it or pass --force to replace it.`,
    );
  }
  const temp = join(dirname(target), `.${basename(target)}.${layer.digest.slice(7, 19)}.partial`);
  const progress = new ProgressMeter(layer.size, options.onProgress);
  let { hash, size: written } = await hashPrefix(temp).catch(() => ({
    hash: createHash('sha256'),
    size: 0,
  }));
  if (written > layer.size) {
    await rm(temp, { force: true });
    hash = createHash('sha256');
    written = 0;
  }
  await requireFreeSpace(dirname(temp), layer.size - written, target, options.freeSpace);
  let resumes = 0;
  let failures = 0;
  progress.setPhase('downloading', written);
  try {
    while (written < layer.size) {
      let body: Readable | undefined;
      let bodyUrl: URL | undefined;
      try {
        const { response, partial } = await openBlob(
          client,
          reference.repository,
          layer.digest,
          written,
          signal,
        );
        body = response.body;
        bodyUrl = response.url;
        if (!partial && written > 0) {
          hash = createHash('sha256');
          written = 0;
        }
        const base = written;
        written += await writeBodyToFile(response.body, {
          path: temp,
          append: written > 0,
          hash,
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
        // A connection that breaks mid-body fails the response stream with a plain Error
        // ("aborted", ECONNRESET): a network failure to resume from, not an internal one.
        const e =
          body?.errored && bodyUrl && !signal?.aborted && !(err instanceof SifportError)
            ? networkError(err, bodyUrl)
            : (localFileError(err, target) ?? toSifportError(err));
        if (!e.retryable || ++failures > client.retryPolicy.attempts) throw e;
        // The sink has written every byte it hashed and closed the file: resume after them.
        ({ hash, size: written } = await hashPrefix(temp).catch(() => ({
          hash: createHash('sha256'),
          size: 0,
        })));
        resumes++;
      }
    }
    progress.setPhase('verifying', written);
    const digest = `sha256:${hash.digest('hex')}`;
    if (digest !== layer.digest) {
      throw new SifportError(
        'DIGEST_MISMATCH',
        `The downloaded SIF does not match its digest (expected ${layer.digest}, got ${digest}); it was discarded and nothing was written to ${target}.`,
      );
    }
    await requireSifFile(temp);
    await options.beforeCommit?.(temp);
    await chmod(temp, 0o755);
    await rename(temp, target);
  } catch (err) {
    const e = localFileError(err, target) ?? toSifportError(err);
    // Keep a partial download for a later resume only when it may still be good.
    if (e.code !== 'NETWORK' && e.code !== 'CANCELLED') await rm(temp, { force: true });
    if (e.code === 'NOT_A_SIF') {
      throw new SifportError(
        'NOT_A_SIF',
        `The artifact ${formatReference(reference)} is not a SIF file; nothing was written to ${target}.`,
      );
    }
    throw e;
  }
  progress.setPhase('done', layer.size);
  return {
    reference: formatReference(reference),
    path: target,
    manifestDigest,
    layerDigest: layer.digest,
    size: layer.size,
    resumes,
  };
}

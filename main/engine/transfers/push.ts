import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SifportError } from '../errors.js';
import { pushScope } from '../registry/auth/scopes.js';
import { headBlob, mountBlob } from '../registry/blobs.js';
import { putManifest } from '../registry/manifests.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from '../registry/media-types.js';
import { formatReference } from '../registry/reference.js';
import { ResumableHash } from '../registry/transport/resumable-hash.js';
import { buildSifManifest, type ManifestStyle } from '../registry/artifact/sif-manifest.js';
import { uploadBlob, uploadBytes } from '../registry/upload.js';
import type { UploadTuningStore } from '../registry/upload-tuning.js';
import type { DigestCache, DigestEntry, FileIdentity } from './digest-cache.js';
import { ProgressMeter } from './progress.js';
import type { RegistryEnd, TransferControls } from './transfer-options.js';
import { requireValidSif } from './sif-check.js';
import { uploadWhileHashing } from './upload-while-hashing.js';
import {
  cancelStaleUpload,
  recordSessions,
  type UploadSessionKey,
  type UploadSessionStore,
} from './upload-sessions.js';

/**
 * Files up to this size are hashed before anything is sent; larger ones start uploading at
 * once while their digest is computed alongside ({@link uploadWhileHashing}).
 */
const HASH_FIRST_LIMIT = 64 * 1024 * 1024;

/** Input to {@link pushSif}: `file` goes to the registry end, whose reference must carry a tag. */
export interface PushOptions extends TransferControls, RegistryEnd {
  readonly file: string;
  readonly digestCache?: DigestCache | undefined;
  readonly tuning?: UploadTuningStore | undefined;
  /**
   * Where open upload sessions are recorded, so the next push of the file deletes one a
   * killed push left (issue #10 item 15).
   */
  readonly uploadSessions?: UploadSessionStore | undefined;
  readonly style?: ManifestStyle | undefined;
  readonly chunkSize?: number | undefined;
}

/** What a push did. */
export interface PushResult {
  readonly reference: string;
  /** Digest of the manifest: what `apptainer push` would print and pull by. */
  readonly manifestDigest: string;
  readonly layerDigest: string;
  readonly size: number;
  /** How the SIF blob got there. */
  readonly blob: 'uploaded' | 'present' | 'mounted';
  readonly mountedFrom?: string;
  readonly resumes: number;
  readonly restarts: number;
}

async function identify(file: string): Promise<FileIdentity> {
  try {
    const path = await realpath(file);
    const st = await stat(path);
    if (!st.isFile()) throw new SifportError('FILE_ERROR', `${file} is not a regular file.`);
    return { path, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  } catch (err) {
    if (err instanceof SifportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new SifportError('FILE_ERROR', `Cannot read ${file}: ${why}.`, { cause: err });
  }
}

/**
 * Pushes a SIF exactly as `apptainer push … oras://` does (oras.md §1.2, `oci13` bytes):
 * config blob `{}`, the SIF as the single layer, manifest by tag. Skips the upload when the
 * blob is present, mounts it from another repository when one is known to hold it, and
 * otherwise streams it in resumable chunks; a large file with no cached digest starts
 * uploading at once and stops as soon as its digest shows the registry already has it.
 */
export async function pushSif(options: PushOptions): Promise<PushResult> {
  const { client, reference, signal } = options;
  if (!reference.tag || reference.digest) {
    throw new SifportError(
      'REFERENCE_INVALID',
      `Push needs a tag, not a digest: use ${formatReference({ ...reference, digest: undefined, tag: reference.tag ?? 'latest' })}.`,
    );
  }
  const file = await identify(options.file);
  await requireValidSif(file.path);
  const progress = new ProgressMeter(file.size, options.onProgress);
  const repo = reference.repository;
  const location = `${client.registry}/${repo}`;

  progress.setPhase('checking');
  // A session an earlier, killed push of this file left here: delete it first.
  const sessionKey = { path: file.path, registry: client.registry, repository: repo };
  await cancelStaleUpload(client, options.uploadSessions, sessionKey);
  const cached = await options.digestCache?.lookup(file);
  let digest = cached?.digest;
  if (!digest && file.size <= HASH_FIRST_LIMIT) {
    progress.setPhase('hashing');
    const hash = new ResumableHash();
    await hash.catchUp(file.path, file.size);
    digest = hash.digest();
  }

  // The config blob goes up beside the layer, two round trips fewer on a far registry. Its
  // HEAD comes first (it asks for the token both use); then the layer's first request, which
  // takes the open connection, and the config's upload on a second one. The layer stops if
  // the config fails.
  const configPresent =
    (await headBlob(client, repo, EMPTY_CONFIG_DIGEST, signal, pushScope(repo))) !== undefined;
  const stopLayer = new AbortController();
  const layerSignal = signal ? AbortSignal.any([signal, stopLayer.signal]) : stopLayer.signal;
  const layerSent = sendLayer({ options, file, digest, cached, progress, sessionKey }, layerSignal);
  const configSent = configPresent
    ? Promise.resolve()
    : uploadBytes(client, repo, EMPTY_CONFIG, EMPTY_CONFIG_DIGEST, signal);
  configSent.catch(() => stopLayer.abort());

  let layer: LayerResult;
  try {
    layer = await layerSent;
  } catch (err) {
    // The config's upload first finishes its own clean-up; when its failure stopped the
    // layer, that failure is what went wrong.
    const configFailure = await configSent.then(
      () => undefined,
      (reason: unknown) => ({ reason }),
    );
    if (configFailure && stopLayer.signal.aborted && !signal?.aborted) throw configFailure.reason;
    throw err;
  }
  digest = layer.digest;
  await configSent;
  await options.digestCache?.remember(file, digest, location);

  progress.setPhase('finishing', file.size);
  const manifest = buildSifManifest({
    size: file.size,
    digest,
    title: basename(options.file),
    style: options.style ?? 'oci13',
    created:
      options.style === 'oci16' ? new Date().toISOString().replace(/\.\d+Z$/, 'Z') : undefined,
  });
  const manifestDigest = await putManifest(
    client,
    repo,
    reference.tag,
    manifest,
    MEDIA_TYPES.ociManifest,
    signal,
  );
  progress.setPhase('done', file.size);
  return {
    reference: formatReference(reference),
    manifestDigest,
    layerDigest: digest,
    size: file.size,
    blob: layer.blob,
    ...(layer.mountedFrom ? { mountedFrom: layer.mountedFrom } : {}),
    resumes: layer.resumes,
    restarts: layer.restarts,
  };
}

/** How the layer got to the registry ({@link sendLayer}). */
type LayerResult = Pick<PushResult, 'blob' | 'mountedFrom' | 'resumes' | 'restarts'> & {
  readonly digest: string;
};

/** What {@link sendLayer} works from. */
interface LayerPush {
  readonly options: PushOptions;
  readonly file: FileIdentity;
  /** Known already (digest cache, or hashed first), else computed while uploading. */
  readonly digest: string | undefined;
  readonly cached: DigestEntry | undefined;
  readonly progress: ProgressMeter;
  readonly sessionKey: UploadSessionKey;
}

/**
 * Gets the SIF blob into the repository: nothing to send when it is there, a mount when
 * another repository of the registry is known to hold it, else an upload.
 */
async function sendLayer(
  { options, file, digest, cached, progress, sessionKey }: LayerPush,
  signal: AbortSignal,
): Promise<LayerResult> {
  const { client } = options;
  const repo = options.reference.repository;
  const location = `${client.registry}/${repo}`;
  let session: URL | undefined;
  if (digest) {
    if ((await headBlob(client, repo, digest, signal, pushScope(repo))) !== undefined) {
      return { digest, blob: 'present', resumes: 0, restarts: 0 };
    }
    for (const other of cached?.locations ?? []) {
      if (!other.startsWith(`${client.registry}/`) || other === location) continue;
      const from = other.slice(client.registry.length + 1);
      const mount = await mountBlob(client, repo, digest, from, signal);
      if (mount.mounted)
        return { digest, blob: 'mounted', mountedFrom: from, resumes: 0, restarts: 0 };
      session = mount.session;
      if (session) break;
    }
  }
  progress.setPhase('uploading');
  const sessions = recordSessions(options.uploadSessions, sessionKey, file);
  const upload = {
    client,
    repository: repo,
    path: file.path,
    size: file.size,
    session,
    chunkSize: options.chunkSize,
    tuning: options.tuning,
    signal,
    onBytes: (sent: number) => progress.update(sent),
    onSession: sessions.onSession,
  };
  // Finished or failed, the uploader leaves no session behind (it deletes a failed one).
  return (
    digest
      ? uploadBlob({ ...upload, digest }).then((r) => ({ ...r, blob: 'uploaded' as const }))
      : uploadWhileHashing(upload)
  ).finally(() => sessions.forget());
}

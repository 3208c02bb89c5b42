import { SifportError } from '../errors.js';
import { headBlob, mountBlob } from '../registry/blobs.js';
import { getManifest, putManifest, type FetchedManifest } from '../registry/manifests.js';
import { formatReference, normalizeRegistry } from '../registry/reference.js';
import { parseManifest, type Descriptor } from '../registry/artifact/sif-layer.js';
import { streamBlob } from './copy-blob.js';
import { ProgressMeter } from './progress.js';
import type { RegistryEnd, TransferControls } from './transfer-options.js';

/** Input to {@link copySif}. */
export interface CopyOptions extends TransferControls {
  readonly from: RegistryEnd;
  /** Target; a tag, or the source manifest's own digest. */
  readonly to: RegistryEnd;
  /** Bytes per PATCH when streaming a blob (default: each blob in one). */
  readonly chunkSize?: number | undefined;
}

/** How one blob reached the target. */
export interface CopiedBlob {
  readonly digest: string;
  readonly size: number;
  readonly how: 'copied' | 'present' | 'mounted';
}

/** What a copy did. */
export interface CopyResult {
  readonly reference: string;
  /** Digest of the top manifest at the target: the source's, since its bytes are unchanged. */
  readonly manifestDigest: string;
  readonly blobs: readonly CopiedBlob[];
  /** Bytes streamed through this machine. */
  readonly bytesCopied: number;
}

/** A manifest to put at the target and the blobs it needs there first. */
interface Node {
  readonly manifest: FetchedManifest;
  readonly blobs: readonly Descriptor[];
  /** For an index: the image manifests it lists, put by digest before it. */
  readonly children: readonly Node[];
}

/**
 * Copies a SIF artifact from one registry (or repository) to another with no temporary
 * file (issue #11): resolves the source manifest (an index with its image manifests), and
 * for each config and layer blob the target lacks (HEAD) either mounts it across
 * repositories when both ends are one registry (oras.md §3.4) or streams the source's GET
 * straight into the target's upload; then puts each manifest's bytes exactly as fetched, so
 * the target's digest is the source's, the top one under the target's tag.
 */
export async function copySif(options: CopyOptions): Promise<CopyResult> {
  const { from, to, signal } = options;
  const target = to.reference.tag ?? to.reference.digest;
  if (!target) {
    throw new SifportError('REFERENCE_INVALID', 'Copy needs a tag for the target.');
  }
  const root = await resolve(from, from.reference.digest ?? from.reference.tag ?? 'latest', signal);
  if (to.reference.digest && to.reference.digest !== root.manifest.digest) {
    throw new SifportError(
      'REFERENCE_INVALID',
      `The target digest ${to.reference.digest} is not the source's (${root.manifest.digest}); copy to a tag instead.`,
    );
  }
  const all = uniqueBlobs(root);
  const total = all.reduce((sum, b) => sum + b.size, 0);
  const progress = new ProgressMeter(total, options.onProgress);
  progress.setPhase('checking');
  const blobs: CopiedBlob[] = [];
  let done = 0;
  let bytesCopied = 0;
  for (const blob of all) {
    const how = await placeBlob(options, blob, done, progress);
    if (how === 'copied') bytesCopied += blob.size;
    done += blob.size;
    blobs.push({ digest: blob.digest, size: blob.size, how });
  }
  progress.setPhase('finishing', total);
  const repo = to.reference.repository;
  for (const child of root.children) {
    const { bytes, mediaType, digest } = child.manifest;
    await putManifest(to.client, repo, digest, bytes, mediaType, signal);
  }
  const { bytes, mediaType } = root.manifest;
  const manifestDigest = await putManifest(to.client, repo, target, bytes, mediaType, signal);
  progress.setPhase('done', total);
  return { reference: formatReference(to.reference), manifestDigest, blobs, bytesCopied };
}

/** Fetches a manifest and, for an index, the image manifests it lists. */
async function resolve(from: RegistryEnd, ref: string, signal?: AbortSignal): Promise<Node> {
  const repo = from.reference.repository;
  const manifest = await getManifest(from.client, repo, ref, signal);
  const parsed = parseManifest(manifest.bytes, manifest.mediaType);
  if (parsed.kind === 'image') {
    const blobs = parsed.config ? [parsed.config, ...parsed.layers] : parsed.layers;
    return { manifest, blobs, children: [] };
  }
  const children: Node[] = [];
  for (const entry of parsed.manifests) {
    const child = await resolve(from, entry.digest, signal);
    if (child.children.length > 0) {
      throw new SifportError(
        'MANIFEST_INVALID',
        'The image index points at another index; nested indexes are not SIF artifacts.',
      );
    }
    children.push(child);
  }
  return { manifest, blobs: [], children };
}

function uniqueBlobs(root: Node): Descriptor[] {
  const seen = new Map<string, Descriptor>();
  for (const node of [root, ...root.children]) {
    for (const blob of node.blobs) if (!seen.has(blob.digest)) seen.set(blob.digest, blob);
  }
  return [...seen.values()];
}

/** Makes one blob present at the target: already there, mounted, or streamed. */
async function placeBlob(
  options: CopyOptions,
  blob: Descriptor,
  before: number,
  progress: ProgressMeter,
): Promise<CopiedBlob['how']> {
  const { from, to, signal } = options;
  const toRepo = to.reference.repository;
  const fromRepo = from.reference.repository;
  if ((await headBlob(to.client, toRepo, blob.digest, signal)) !== undefined) return 'present';
  let session: URL | undefined;
  const oneRegistry =
    normalizeRegistry(from.reference.registry) === normalizeRegistry(to.reference.registry);
  if (oneRegistry && fromRepo !== toRepo) {
    const mount = await mountBlob(to.client, toRepo, blob.digest, fromRepo, signal);
    if (mount.mounted) return 'mounted';
    session = mount.session;
  }
  progress.setPhase('uploading', before);
  await streamBlob({
    from: { client: from.client, repository: fromRepo },
    to: { client: to.client, repository: toRepo },
    digest: blob.digest,
    size: blob.size,
    session,
    chunkSize: options.chunkSize,
    signal,
    onBytes: (sent) => progress.update(before + sent),
  });
  return 'copied';
}

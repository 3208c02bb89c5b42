import { SifportError } from '../errors.js';
import type { RegistryClient } from '../registry/client.js';
import { getManifest } from '../registry/manifests.js';
import type { Reference } from '../registry/reference.js';
import {
  parseManifest,
  pickPlatform,
  sifLayerOf,
  type Descriptor,
} from '../registry/artifact/sif-layer.js';

const GO_ARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  ia32: '386',
  arm64: 'arm64',
  arm: 'arm',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/** This machine's architecture as Go (and so apptainer) names it. */
export function hostArch(): string {
  return GO_ARCH[process.arch] ?? process.arch;
}

/** The SIF layer a reference names, and the digest of the image manifest that lists it. */
export interface ResolvedSifLayer {
  readonly layer: Descriptor;
  readonly manifestDigest: string;
}

/**
 * Resolves a reference to its single SIF layer as `apptainer pull oras://` does (oras.md §1.3):
 * the manifest by tag or digest; for an image index the `linux/<arch>` entry (default: this
 * machine's architecture), which must be an image manifest; then its SIF layer.
 */
export async function resolveSifLayer(
  client: RegistryClient,
  reference: Reference,
  arch?: string,
  signal?: AbortSignal,
): Promise<ResolvedSifLayer> {
  const ref = reference.digest ?? reference.tag ?? 'latest';
  let fetched = await getManifest(client, reference.repository, ref, signal);
  let parsed = parseManifest(fetched.bytes, fetched.mediaType);
  if (parsed.kind === 'index') {
    const entry = pickPlatform(parsed.manifests, arch ?? hostArch());
    fetched = await getManifest(client, reference.repository, entry.digest, signal);
    parsed = parseManifest(fetched.bytes, fetched.mediaType);
    if (parsed.kind !== 'image') {
      throw new SifportError(
        'MANIFEST_INVALID',
        'The image index points at another index; nested indexes are not SIF artifacts.',
      );
    }
  }
  return { layer: sifLayerOf(parsed), manifestDigest: fetched.digest };
}

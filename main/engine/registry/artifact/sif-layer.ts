import { SifportError } from '../../errors.js';
import { MEDIA_TYPES, SIF_LAYER_TYPES } from '../media-types.js';

/** An OCI content descriptor, as much of it as the pull path reads. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: { readonly os?: string; readonly architecture?: string };
}

/** What a fetched manifest turned out to be. */
export type ParsedManifest =
  | {
      readonly kind: 'image';
      readonly config: Descriptor | undefined;
      readonly layers: Descriptor[];
      readonly annotations: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'index'; readonly manifests: Descriptor[] };

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

function asDescriptor(value: unknown, where: string): Descriptor {
  const d = value as Partial<Descriptor> | null;
  if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || typeof d.size !== 'number') {
    throw new SifportError('MANIFEST_INVALID', `The manifest has a malformed ${where} descriptor.`);
  }
  if (!Number.isSafeInteger(d.size) || d.size < 0) {
    throw new SifportError('MANIFEST_INVALID', `The manifest's ${where} has an invalid size.`);
  }
  return { ...d, mediaType: typeof d.mediaType === 'string' ? d.mediaType : '' } as Descriptor;
}

/**
 * Parses manifest bytes of any flavour apptainer ever pushed (OCI or Docker v2 manifest,
 * with or without a `mediaType` field) or an index / manifest list (oras.md §1.3).
 */
export function parseManifest(bytes: Buffer, contentType: string): ParsedManifest {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new SifportError('MANIFEST_INVALID', 'The manifest is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null) {
    throw new SifportError('MANIFEST_INVALID', 'The manifest is not a JSON object.');
  }
  const type = typeof json.mediaType === 'string' ? json.mediaType : contentType;
  const isIndex =
    type === MEDIA_TYPES.ociIndex ||
    type === MEDIA_TYPES.dockerManifestList ||
    (Array.isArray(json.manifests) && !Array.isArray(json.layers));
  if (isIndex) {
    const list = Array.isArray(json.manifests) ? json.manifests : [];
    return { kind: 'index', manifests: list.map((m, i) => asDescriptor(m, `manifests[${i}]`)) };
  }
  if (!Array.isArray(json.layers)) {
    throw new SifportError(
      'MANIFEST_INVALID',
      `The manifest (${type || 'no media type'}) has no layers.`,
    );
  }
  return {
    kind: 'image',
    config: json.config === undefined ? undefined : asDescriptor(json.config, 'config'),
    layers: json.layers.map((l, i) => asDescriptor(l, `layers[${i}]`)),
    annotations: (json.annotations as Record<string, string> | undefined) ?? {},
  };
}

/** Picks the index entry for `linux/<arch>`, as apptainer does (oras.md §1.3 step 2). */
export function pickPlatform(manifests: readonly Descriptor[], arch: string): Descriptor {
  const match = manifests.find(
    (m) => (m.platform?.os ?? 'linux') === 'linux' && m.platform?.architecture === arch,
  );
  if (match) return match;
  const offered = manifests
    .map((m) => `${m.platform?.os ?? '?'}/${m.platform?.architecture ?? '?'}`)
    .join(', ');
  throw new SifportError(
    'NOT_FOUND',
    `The image index has no entry for linux/${arch} (it offers: ${offered || 'nothing'}). Choose another architecture with --arch.`,
  );
}

/**
 * The SIF layer of an image manifest: exactly one layer, of a SIF media type, sha256
 * digest. The config media type is deliberately not checked (oras.md §1.3 step 4).
 */
export function sifLayerOf(manifest: Extract<ParsedManifest, { kind: 'image' }>): Descriptor {
  if (manifest.layers.length !== 1) {
    throw new SifportError(
      'MANIFEST_INVALID',
      `An ORAS SIF image has a single layer; this one has ${manifest.layers.length}. It is not a SIF artifact (try docker:// for container images).`,
    );
  }
  const layer = manifest.layers[0]!;
  if (!SIF_LAYER_TYPES.has(layer.mediaType)) {
    throw new SifportError(
      'MANIFEST_INVALID',
      `The layer has media type "${layer.mediaType}", not a SIF (${MEDIA_TYPES.sifLayer}). It is not a SIF artifact.`,
    );
  }
  if (!DIGEST_RE.test(layer.digest)) {
    throw new SifportError(
      'MANIFEST_INVALID',
      `The SIF layer has an unsupported digest "${layer.digest}" (only sha256 is accepted).`,
    );
  }
  return layer;
}

import type { RegistryClient } from '../client.js';
import { CREATED_ANNOTATION, SIF_LAYER_TYPES, TITLE_ANNOTATION } from '../media-types.js';
import { readManifest } from './read-manifest.js';
import type { Descriptor } from './sif-layer.js';

/** One layer as the explorer shows it. */
export interface LayerDetails {
  readonly mediaType: string;
  /** Bytes. */
  readonly size: number;
  readonly digest: string;
  /** `org.opencontainers.image.title`: the pushed file's name, when present. */
  readonly title: string | undefined;
}

/** One entry of an image index, for manifests that turn out to be indexes. */
export interface IndexEntryDetails {
  readonly mediaType: string;
  readonly size: number;
  readonly digest: string;
  /** `os/architecture` when the entry names a platform. */
  readonly platform: string | undefined;
}

/** What {@link describeManifest} tells about a tag or digest. */
export interface ManifestDetails {
  /** `image` for a manifest with layers, `index` for an index or manifest list. */
  readonly kind: 'image' | 'index';
  /** Digest of the manifest bytes (`sha256:…`). */
  readonly digest: string;
  /** The manifest's `mediaType` field, or its `Content-Type` when the field is absent. */
  readonly mediaType: string;
  /** Bytes of the content it references: layers plus config (index: the entries' sizes). */
  readonly size: number;
  readonly configMediaType: string | undefined;
  readonly layers: readonly LayerDetails[];
  /** Index entries; empty for an image manifest. */
  readonly manifests: readonly IndexEntryDetails[];
  readonly annotations: Readonly<Record<string, string>>;
  /** `org.opencontainers.image.created` of the manifest, when present (RFC 3339). */
  readonly created: string | undefined;
  /** True for an ORAS SIF: one layer of a SIF media type (oras.md §1.3). */
  readonly isSif: boolean;
}

function stringAnnotations(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

function platformOf(d: Descriptor): string | undefined {
  const p = d.platform;
  return p?.architecture ? `${p.os ?? 'linux'}/${p.architecture}` : undefined;
}

/**
 * Fetches a manifest by tag or digest (oras.md §3.5) and summarises it for the explorer and
 * `sifport inspect`: digest, media types, the layers with their titles, the total size, the
 * creation annotation and whether it is a SIF artifact. Indexes are described, not descended.
 */
export async function describeManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal?: AbortSignal,
): Promise<ManifestDetails> {
  const manifest = await readManifest(client, repository, reference, signal);
  const { fetched, parsed, json, mediaType } = manifest;
  if (parsed.kind === 'index') {
    const manifests = parsed.manifests.map((m) => ({
      mediaType: m.mediaType,
      size: m.size,
      digest: m.digest,
      platform: platformOf(m),
    }));
    const annotations = stringAnnotations(json.annotations);
    return {
      kind: 'index',
      digest: fetched.digest,
      mediaType,
      size: manifests.reduce((sum, m) => sum + m.size, 0),
      configMediaType: undefined,
      layers: [],
      manifests,
      annotations,
      created: annotations[CREATED_ANNOTATION],
      isSif: false,
    };
  }
  const layers = parsed.layers.map((l) => ({
    mediaType: l.mediaType,
    size: l.size,
    digest: l.digest,
    title: l.annotations?.[TITLE_ANNOTATION],
  }));
  const annotations = stringAnnotations(parsed.annotations);
  return {
    kind: 'image',
    digest: fetched.digest,
    mediaType,
    size: layers.reduce((sum, l) => sum + l.size, parsed.config?.size ?? 0),
    configMediaType: parsed.config?.mediaType,
    layers,
    manifests: [],
    annotations,
    created: annotations[CREATED_ANNOTATION],
    isSif: layers.length === 1 && SIF_LAYER_TYPES.has(layers[0]!.mediaType),
  };
}

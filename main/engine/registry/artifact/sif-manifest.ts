import { goJsonMap, goJsonObject, goJsonString } from './go-json.js';
import {
  CREATED_ANNOTATION,
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  MEDIA_TYPES,
  TITLE_ANNOTATION,
} from '../media-types.js';

/** Which apptainer's bytes to produce (oras.md §1.2). */
export type ManifestStyle = 'oci13' | 'oci16';

/** What goes into a SIF manifest. */
export interface SifManifestInput {
  /** Size of the SIF in bytes. */
  readonly size: number;
  /** `sha256:<hex>` of the whole SIF. */
  readonly digest: string;
  /** Base name of the local file (the title annotation). */
  readonly title: string;
  /** `oci13` (apptainer 1.3.1–1.5.x, default) or `oci16` (apptainer main). */
  readonly style?: ManifestStyle;
  /** RFC 3339 creation time for `oci16`; left out when undefined. */
  readonly created?: string | undefined;
  /** Extra manifest annotations for `oci16` (`--annotation k=v`). */
  readonly annotations?: Readonly<Record<string, string>>;
}

function descriptor(
  mediaType: string,
  size: number,
  digest: string,
  extra: { data?: string; annotations?: Readonly<Record<string, string>> } = {},
): string {
  return goJsonObject([
    ['mediaType', goJsonString(mediaType)],
    ['size', String(size)],
    ['digest', goJsonString(digest)],
    ['data', extra.data === undefined ? undefined : goJsonString(extra.data)],
    ['annotations', extra.annotations ? goJsonMap(extra.annotations) : undefined],
  ]);
}

/**
 * The manifest bytes `apptainer push` writes for a SIF: go-containerregistry field order,
 * sylabs config type, one layer titled with the local file name. Byte-identical to
 * apptainer 1.3.1–1.5.x for `oci13`.
 */
export function buildSifManifest(input: SifManifestInput): Buffer {
  const style = input.style ?? 'oci13';
  const config = descriptor(
    MEDIA_TYPES.sifConfig,
    EMPTY_CONFIG.length,
    EMPTY_CONFIG_DIGEST,
    style === 'oci16' ? { data: EMPTY_CONFIG.toString('base64') } : {},
  );
  const layer = descriptor(MEDIA_TYPES.sifLayer, input.size, input.digest, {
    annotations: { [TITLE_ANNOTATION]: input.title },
  });
  let annotations: Record<string, string> | undefined;
  if (style === 'oci16') {
    annotations = { ...input.annotations };
    if (input.created) annotations[CREATED_ANNOTATION] = input.created;
    if (Object.keys(annotations).length === 0) annotations = undefined;
  }
  return Buffer.from(
    goJsonObject([
      ['schemaVersion', '2'],
      ['mediaType', goJsonString(MEDIA_TYPES.ociManifest)],
      ['config', config],
      ['layers', `[${layer}]`],
      ['annotations', annotations ? goJsonMap(annotations) : undefined],
    ]),
  );
}

import type { ByteSource } from '../format/byte-source.js';
import type { SignatureFormat } from '../integrity/cleartext.js';
import { DataType } from '../format/codes.js';
import type { PartitionInfo, SifDescriptor } from '../format/descriptor.js';
import { parseInspectMetadata, stringMap } from './inspect-metadata.js';
import type { ContainerMetadata } from './inspect-metadata.js';
import { loadSif } from '../format/load.js';
import type { SifImage } from '../format/load.js';
import { readObject } from '../format/objects.js';
import { primaryPartition, signatureObjects } from '../format/select.js';
import { readSignatureObject } from '../integrity/signature-object.js';
import { typeLabel } from './siftool-format.js';
import { readRootfsMetadata } from './rootfs-metadata.js';

/** A partition as inspect shows it (spec A4, A6.2-A6.4). */
export interface PartitionSummary extends Omit<PartitionInfo, 'kind'> {
  readonly id: number;
  readonly size: number;
  readonly primary: boolean;
}

/** A signature as inspect shows it: what it claims, not whether it verifies (spec B4, B7, B8). */
export interface SignatureSummary {
  readonly id: number;
  readonly format: SignatureFormat;
  readonly hashType: string | undefined;
  /** Signer's primary-key fingerprint recorded in the descriptor, upper-case hex. */
  readonly fingerprint: string | undefined;
  readonly linkedId: number;
  readonly linkedIsGroup: boolean;
}

/** Everything `inspectSif` can tell about an image without keys. */
export interface InspectReport {
  /** SIF format version from the header (`01`). */
  readonly version: string;
  readonly primaryArch: string;
  readonly id: string;
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** Objects in table order, with siftool's type label. */
  readonly objects: readonly (SifDescriptor & { readonly typeLabel: string })[];
  readonly partitions: readonly PartitionSummary[];
  /** True when the primary partition is encrypted (its contents cannot be inspected). */
  readonly encrypted: boolean;
  readonly signatures: readonly SignatureSummary[];
  /** Definition file text, from the Def.FILE object or the metadata. */
  readonly deffile: string | undefined;
  /** Labels, environment, runscript, test, help, startscript, apps. */
  readonly metadata: ContainerMetadata;
  /** Where `metadata` came from. */
  readonly metadataSource: 'inspect-metadata' | 'sif-objects' | 'squashfs' | 'none';
  /** Plain-language notes on what could not be read and why. */
  readonly unavailable: readonly string[];
}

/**
 * Inspects a SIF (spec A9): modern images carry `inspect-metadata.json`; older ones are read
 * from JSON.Labels/Env.Vars objects and, failing those, from `/.singularity.d` inside the
 * primary squashfs partition (gzip or uncompressed squashfs only). Encrypted partitions are
 * reported, never opened.
 */
export async function inspectSif(source: ByteSource): Promise<InspectReport> {
  return inspectImage(await loadSif(source));
}

/** {@link inspectSif} for an image already loaded. */
export async function inspectImage(image: SifImage): Promise<InspectReport> {
  const primary = primaryPartition(image);
  const unavailable: string[] = [];
  const text = async (d: SifDescriptor | undefined) =>
    d ? new TextDecoder().decode(await readObject(image.source, d)) : undefined;
  const first = (type: number, name?: string) =>
    image.descriptors.find((d) => d.dataType === type && (name === undefined || d.name === name));

  const jsonMeta = await text(first(DataType.genericJson, 'inspect-metadata.json'));
  let metadata: ContainerMetadata = (jsonMeta && parseInspectMetadata(jsonMeta)) || {};
  let metadataSource: InspectReport['metadataSource'] = jsonMeta ? 'inspect-metadata' : 'none';
  if (!jsonMeta) {
    const labels = stringMap(await text(first(DataType.labels)));
    const env = await text(first(DataType.envVars));
    if (labels || env !== undefined) {
      metadataSource = 'sif-objects';
      metadata = {
        ...(labels ? { labels } : {}),
        ...(env !== undefined ? { environment: { 'Env.Vars': env } } : {}),
      };
    }
    const fromRootfs = await readRootfsMetadata(image, primary);
    if (typeof fromRootfs === 'string') unavailable.push(fromRootfs);
    else if (Object.keys(fromRootfs).length > 0) {
      metadata = { ...fromRootfs, ...metadata };
      metadataSource = metadataSource === 'none' ? 'squashfs' : metadataSource;
    }
  }
  const signatures: SignatureSummary[] = [];
  for (const sig of signatureObjects(image)) {
    const details = sig.details.kind === 'signature' ? sig.details : undefined;
    signatures.push({
      id: sig.id,
      format: (await readSignatureObject(image.source, sig)).format,
      hashType: details?.hashTypeName,
      fingerprint: details?.fingerprint,
      linkedId: sig.linkedId,
      linkedIsGroup: sig.linkedIsGroup,
    });
  }
  const partitions = image.descriptors.flatMap((d): PartitionSummary[] => {
    if (d.details.kind !== 'partition') return [];
    const { kind: _kind, ...info } = d.details;
    return [{ ...info, id: d.id, size: d.size, primary: d === primary }];
  });
  return {
    version: image.header.version,
    primaryArch: image.header.arch,
    id: image.header.id,
    createdAt: image.header.createdAt,
    modifiedAt: image.header.modifiedAt,
    objects: image.descriptors.map((d) => ({ ...d, typeLabel: typeLabel(d) })),
    partitions,
    encrypted: partitions.some((p) => p.primary && p.encrypted),
    signatures,
    deffile: (await text(first(DataType.deffile))) ?? metadata.deffile,
    metadata,
    metadataSource,
    unavailable,
  };
}

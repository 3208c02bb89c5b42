import {
  DataType,
  archName,
  cryptoMessageNames,
  dataTypeName,
  fsTypeName,
  hashTypeName,
  partTypeName,
  sbomFormatName,
} from './codes.js';
import { fixedCode } from './header.js';
import {
  DESCRIPTOR_SIZE,
  DescriptorField,
  EXTRA_LENGTH,
  GROUP_MARKER,
  NAME_LENGTH,
  cString,
  hex,
  readSize,
  readTime,
  view,
} from './layout.js';

/** Partition metadata from the extra field (spec A4, A6.2-A6.4). */
export interface PartitionInfo {
  readonly kind: 'partition';
  readonly fsType: number;
  readonly fsTypeName: string;
  readonly partType: number;
  readonly partTypeName: string;
  readonly archCode: string;
  readonly arch: string;
  /** True for the encrypted squashfs variants (file-system types 5 and 6). */
  readonly encrypted: boolean;
}

/** Signature metadata from the extra field (spec A4, A6.5). */
export interface SignatureInfo {
  readonly kind: 'signature';
  readonly hashType: number;
  /** `SHA-256` etc.; undefined when the code is not 1-5 (upstream then refuses it). */
  readonly hashTypeName: string | undefined;
  /** Upper-case hex of the first 20 entity bytes, or undefined when they are all zero. */
  readonly fingerprint: string | undefined;
}

/** Crypto message metadata from the extra field (spec A4, A6.6). */
export interface CryptoMessageInfo {
  readonly kind: 'crypto-message';
  readonly formatType: number;
  readonly formatName: string;
  readonly messageType: number;
  readonly messageName: string;
}

/** SBOM metadata from the extra field (spec A4, A6.7). */
export interface SbomInfo {
  readonly kind: 'sbom';
  readonly format: number;
  readonly formatName: string;
}

/** Digest text of an OCI root index or blob object (spec A4). */
export interface OciInfo {
  readonly kind: 'oci';
  readonly digest: string;
}

/** Type-specific metadata of a descriptor; `none` for kinds without any (spec A4). */
export type DescriptorDetails =
  | PartitionInfo
  | SignatureInfo
  | CryptoMessageInfo
  | SbomInfo
  | OciInfo
  | { readonly kind: 'none' };

/** One used descriptor, decoded (spec A3). Sizes and offsets in bytes, times in Unix seconds. */
export interface SifDescriptor {
  /** Index in the descriptor table (0-based). */
  readonly slot: number;
  readonly dataType: number;
  readonly dataTypeName: string;
  readonly id: number;
  /** Group ID without the marker bits; 0 when in no group. */
  readonly groupId: number;
  /** Linked object or group ID without marker bits; 0 when not linked. */
  readonly linkedId: number;
  readonly linkedIsGroup: boolean;
  readonly offset: number;
  readonly size: number;
  readonly sizeWithPadding: number;
  readonly createdAt: number;
  readonly modifiedAt: number;
  readonly name: string;
  readonly details: DescriptorDetails;
  /** The 585 bytes as stored, for integrity digests (spec B2.2) and rewrites. */
  readonly raw: Uint8Array;
}

/** True when the descriptor record's used byte is set (spec A3: readers skip the rest). */
export function isUsedRecord(record: Uint8Array): boolean {
  return record[DescriptorField.used] !== 0;
}

/**
 * Decodes one used 585-byte record found at table index `slot` (spec A3, A4). Throws
 * SIF_MALFORMED for negative or oversized offsets and sizes.
 */
export function parseDescriptor(record: Uint8Array, slot: number): SifDescriptor {
  const data = view(record);
  const dataType = data.getInt32(DescriptorField.dataType, true);
  const id = data.getUint32(DescriptorField.id, true);
  const group = data.getUint32(DescriptorField.group, true);
  const link = data.getUint32(DescriptorField.link, true);
  const what = `object ${id}`;
  const extra = record.subarray(DescriptorField.extra, DescriptorField.extra + EXTRA_LENGTH);
  return {
    slot,
    dataType,
    dataTypeName: dataTypeName(dataType),
    id,
    groupId: stripMarker(group),
    linkedId: stripMarker(link),
    linkedIsGroup: (link & GROUP_MARKER) >>> 0 === GROUP_MARKER,
    offset: readSize(data, DescriptorField.offset, `${what} offset`),
    size: readSize(data, DescriptorField.size, `${what} size`),
    sizeWithPadding: readSize(data, DescriptorField.sizeWithPadding, `${what} padded size`),
    createdAt: readTime(data, DescriptorField.createdAt),
    modifiedAt: readTime(data, DescriptorField.modifiedAt),
    name: cString(record.subarray(DescriptorField.name, DescriptorField.name + NAME_LENGTH)),
    details: parseDetails(dataType, extra),
    raw: Uint8Array.from(record.subarray(0, DESCRIPTOR_SIZE)),
  };
}

/** Clears the top four marker bits of a group or link field (spec A3). */
export function stripMarker(value: number): number {
  return (value & ~GROUP_MARKER) >>> 0;
}

function parseDetails(dataType: number, extra: Uint8Array): DescriptorDetails {
  const data = view(extra);
  switch (dataType) {
    case DataType.partition: {
      const fsType = data.getInt32(0, true);
      const partType = data.getInt32(4, true);
      const code = fixedCode(extra.subarray(8, 11));
      return {
        kind: 'partition',
        fsType,
        fsTypeName: fsTypeName(fsType),
        partType,
        partTypeName: partTypeName(partType),
        archCode: code,
        arch: archName(code),
        encrypted: fsType === 5 || fsType === 6,
      };
    }
    case DataType.signature: {
      const hashType = data.getInt32(0, true);
      const entity = extra.subarray(4, 24);
      const present = entity.some((b) => b !== 0);
      return {
        kind: 'signature',
        hashType,
        hashTypeName: hashTypeName(hashType),
        fingerprint: present ? hex(entity).toUpperCase() : undefined,
      };
    }
    case DataType.cryptoMessage: {
      const formatType = data.getInt32(0, true);
      const messageType = data.getInt32(4, true);
      const [formatName, messageName] = cryptoMessageNames(formatType, messageType);
      return { kind: 'crypto-message', formatType, formatName, messageType, messageName };
    }
    case DataType.sbom: {
      const format = data.getInt32(0, true);
      return { kind: 'sbom', format, formatName: sbomFormatName(format) };
    }
    case DataType.ociRootIndex:
    case DataType.ociBlob:
      return { kind: 'oci', digest: cString(extra) };
    default:
      return { kind: 'none' };
  }
}

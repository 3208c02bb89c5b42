/**
 * Data object kinds stored at descriptor offset 0 (spec A6.1). OCI kinds come from current
 * upstream (apptainer/sif 2.24); sif 2.8.3's siftool shows them as `Unknown`.
 */
export const DataType = {
  deffile: 0x4001,
  envVars: 0x4002,
  labels: 0x4003,
  partition: 0x4004,
  signature: 0x4005,
  genericJson: 0x4006,
  generic: 0x4007,
  cryptoMessage: 0x4008,
  sbom: 0x4009,
  ociRootIndex: 0x400a,
  ociBlob: 0x400b,
} as const;

/** File-system types in a partition's extra field (spec A6.2). */
export const FsType = {
  squashfs: 1,
  ext3: 2,
  archive: 3,
  raw: 4,
  encryptedSquashfs: 5,
  gocryptfsSquashfs: 6,
} as const;

/** Partition types in a partition's extra field (spec A6.3). */
export const PartType = { system: 1, primarySystem: 2, data: 3, overlay: 4 } as const;

/** Hash types in a signature's extra field (spec A6.5). */
export const HashType = { sha256: 1, sha384: 2, sha512: 3, blake2s256: 4, blake2b256: 5 } as const;

const DATA_TYPE_NAMES: Readonly<Record<number, string>> = {
  0x4001: 'Def.FILE',
  0x4002: 'Env.Vars',
  0x4003: 'JSON.Labels',
  0x4004: 'FS',
  0x4005: 'Signature',
  0x4006: 'JSON.Generic',
  0x4007: 'Generic/Raw',
  0x4008: 'Cryptographic Message',
  0x4009: 'SBOM',
  0x400a: 'OCI.RootIndex',
  0x400b: 'OCI.Blob',
};

const FS_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'Squashfs',
  2: 'Ext3',
  3: 'Archive',
  4: 'Raw',
  5: 'Encrypted squashfs',
  6: 'Gocryptfs squashfs',
};

const PART_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'System',
  2: '*System',
  3: 'Data',
  4: 'Overlay',
};

const HASH_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'SHA-256',
  2: 'SHA-384',
  3: 'SHA-512',
  4: 'BLAKE2s-256',
  5: 'BLAKE2b-256',
};

/** Node `crypto` names for the hash types a legacy digest may use (upstream refuses BLAKE2). */
const HASH_TYPE_NODE: Readonly<Record<number, string>> = { 1: 'sha256', 2: 'sha384', 3: 'sha512' };

const CRYPTO_FORMAT_NAMES: Readonly<Record<number, string>> = { 1: 'OpenPGP', 2: 'PEM' };
const CRYPTO_MESSAGE_NAMES: Readonly<Record<number, string>> = {
  0x100: 'Clear Signature',
  0x200: 'RSA-OAEP',
};

const SBOM_FORMAT_NAMES: Readonly<Record<number, string>> = {
  1: 'cyclonedx-json',
  2: 'cyclonedx-xml',
  3: 'github-json',
  4: 'spdx-json',
  5: 'spdx-rdf',
  6: 'spdx-tag-value',
  7: 'spdx-yaml',
  8: 'syft-json',
};

/** Go architecture names by two-digit SIF code (spec A6.4); `13` is current upstream only. */
const ARCH_NAMES: Readonly<Record<string, string>> = {
  '01': '386',
  '02': 'amd64',
  '03': 'arm',
  '04': 'arm64',
  '05': 'ppc64',
  '06': 'ppc64le',
  '07': 'mips',
  '08': 'mipsle',
  '09': 'mips64',
  '10': 'mips64le',
  '11': 's390x',
  '12': 'riscv64',
  '13': 'loong64',
};

/** siftool's name for a data type; `Unknown` for codes outside spec A6.1. */
export function dataTypeName(code: number): string {
  return DATA_TYPE_NAMES[code] ?? 'Unknown';
}

/** siftool's name for a file-system type (spec A6.2). */
export function fsTypeName(code: number): string {
  return FS_TYPE_NAMES[code] ?? 'Unknown';
}

/** siftool's name for a partition type (spec A6.3). */
export function partTypeName(code: number): string {
  return PART_TYPE_NAMES[code] ?? 'Unknown';
}

/** Display name of a signature hash type, or undefined when the code is not 1-5 (spec A6.5). */
export function hashTypeName(code: number): string | undefined {
  return HASH_TYPE_NAMES[code];
}

/** Node `crypto` algorithm for a legacy signature's hash type, if usable (spec A6.5, B7). */
export function hashTypeNodeName(code: number): string | undefined {
  return HASH_TYPE_NODE[code];
}

/** siftool's names for a crypto message's format and message type (spec A6.6). */
export function cryptoMessageNames(format: number, message: number): [string, string] {
  return [CRYPTO_FORMAT_NAMES[format] ?? 'Unknown', CRYPTO_MESSAGE_NAMES[message] ?? 'Unknown'];
}

/** siftool's name for an SBOM format (spec A6.7); lower-case `unknown` like upstream. */
export function sbomFormatName(code: number): string {
  return SBOM_FORMAT_NAMES[code] ?? 'unknown';
}

/** Go architecture name for a two-digit SIF code; `unknown` for `00` or anything else. */
export function archName(code: string): string {
  return ARCH_NAMES[code] ?? 'unknown';
}

/** Two-digit SIF code for a Go architecture name, or `00` when unknown (spec A6.4). */
export function archCode(name: string): string {
  for (const [code, arch] of Object.entries(ARCH_NAMES)) if (arch === name) return code;
  return '00';
}

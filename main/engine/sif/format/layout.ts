import { malformed } from './errors.js';

/** Size of the global header in bytes (spec A2). */
export const HEADER_SIZE = 128;
/** Size of one descriptor record in bytes (spec A3). */
export const DESCRIPTOR_SIZE = 585;
/** Offset of the magic in the header (spec A2). */
export const MAGIC_OFFSET = 32;
/** The magic bytes `SIF_MAGIC\0` (spec A2). */
export const MAGIC = new Uint8Array([0x53, 0x49, 0x46, 0x5f, 0x4d, 0x41, 0x47, 0x49, 0x43, 0x00]);
/** The only supported spec version, `01\0` (spec A2). */
export const VERSION_01 = new Uint8Array([0x30, 0x31, 0x00]);
/** Group marker OR-ed into group and link fields (spec A3, A5). */
export const GROUP_MARKER = 0xf0000000;
/** Go's zero time in Unix seconds: how deterministic images spell "unset" (conventions). */
export const UNSET_TIME = -62135596800;
/** Default descriptor capacity the library writes (spec A1). */
export const DEFAULT_DESCRIPTOR_CAPACITY = 48;
/** Default descriptor table offset the library writes (spec A1). */
export const DEFAULT_DESCRIPTORS_OFFSET = 4096;
/** Partitions are aligned to this many bytes when added (spec A8). */
export const PARTITION_ALIGNMENT = 4096;

/** Header field offsets (spec A2). */
export const HeaderField = {
  launchScript: 0,
  magic: 32,
  version: 42,
  arch: 45,
  id: 48,
  createdAt: 64,
  modifiedAt: 72,
  descriptorsFree: 80,
  descriptorsTotal: 88,
  descriptorsOffset: 96,
  descriptorsSize: 104,
  dataOffset: 112,
  dataSize: 120,
} as const;

/** Descriptor field offsets within one 585-byte record (spec A3). */
export const DescriptorField = {
  dataType: 0,
  used: 4,
  id: 5,
  group: 9,
  link: 13,
  offset: 17,
  size: 25,
  sizeWithPadding: 33,
  createdAt: 41,
  modifiedAt: 49,
  uid: 57,
  gid: 65,
  name: 73,
  extra: 201,
} as const;

/** Length of the descriptor name field in bytes (spec A3). */
export const NAME_LENGTH = 128;
/** Length of the descriptor extra field in bytes (spec A3, A4). */
export const EXTRA_LENGTH = 384;

/** A little-endian view over `bytes` (spec conventions: no padding, little-endian). */
export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads a signed 64-bit field that must be a usable, non-negative byte count or position.
 * Anything else (negative, beyond 2^53) is a malformed image, never a silent wrap-around.
 */
export function readSize(data: DataView, offset: number, what: string): number {
  const value = data.getBigInt64(offset, true);
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw malformed(`${what} has an impossible value ${value}`);
  }
  return Number(value);
}

/** Reads a signed 64-bit Unix time; values beyond 2^53 are clamped (display only). */
export function readTime(data: DataView, offset: number): number {
  const value = data.getBigInt64(offset, true);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(value > max ? max : value < -max ? -max : value);
}

/** Writes a signed 64-bit little-endian integer. */
export function writeInt64(data: DataView, offset: number, value: number): void {
  data.setBigInt64(offset, BigInt(value), true);
}

/**
 * Decodes a fixed-size C string field as UTF-8 with trailing NULs stripped, as upstream's
 * readers do (spec conventions: "Readers strip trailing NULs").
 */
export function cString(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  return Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8');
}

/** Lower-case hex of `bytes`. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** True when the two byte arrays are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

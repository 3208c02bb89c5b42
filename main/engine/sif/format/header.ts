import type { ByteSource } from './byte-source.js';
import { archName } from './codes.js';
import { SifError } from './errors.js';
import {
  HEADER_SIZE,
  HeaderField,
  MAGIC,
  MAGIC_OFFSET,
  VERSION_01,
  bytesEqual,
  cString,
  hex,
  readSize,
  readTime,
  view,
} from './layout.js';

/** The 128-byte global header, decoded (spec A2). Times are Unix seconds. */
export interface SifHeader {
  /** Launch script text, trailing NULs stripped (`#!/usr/bin/env run-singularity\n`). */
  readonly launchScript: string;
  /** Spec version text; always `01` once parsed. */
  readonly version: string;
  /** Two-digit architecture code of the primary system partition (`00` when none). */
  readonly archCode: string;
  /** Go name of that architecture, or `unknown` (spec A6.4). */
  readonly arch: string;
  /** Image UUID in text form; all zeros for deterministic images. */
  readonly id: string;
  /** Creation and modification times; {@link UNSET_TIME} means unset. */
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** Descriptor slots: free, total, table offset and table size in bytes. */
  readonly descriptorsFree: number;
  readonly descriptorsTotal: number;
  readonly descriptorsOffset: number;
  readonly descriptorsSize: number;
  /** Start and used length (bytes) of the data area (spec A8). */
  readonly dataOffset: number;
  readonly dataSize: number;
  /** The header bytes as read, for integrity digests (spec B2.1) and in-place rewrites. */
  readonly raw: Uint8Array;
}

/**
 * Cheap check used by the push path to refuse non-SIF files: true when `SIF_MAGIC\0` sits at
 * offset 32 (spec A2). Reads 42 bytes; does not check the version or anything else.
 */
export async function isSif(source: ByteSource): Promise<boolean> {
  if (source.size < MAGIC_OFFSET + MAGIC.length) return false;
  const bytes = await source.read(MAGIC_OFFSET, MAGIC.length);
  return bytesEqual(bytes, MAGIC);
}

/**
 * Reads and decodes the global header (spec A2, A7 step 1). Throws NOT_A_SIF when the magic is
 * missing, SIF_UNSUPPORTED_VERSION for a version other than `01`, SIF_MALFORMED for impossible
 * sizes. Does not look at the descriptor table; see `loadSif` for the full checks.
 */
export async function readSifHeader(source: ByteSource): Promise<SifHeader> {
  if (source.size < HEADER_SIZE) {
    throw notASif(`it is only ${source.size} bytes long, shorter than a SIF header`);
  }
  const raw = await source.read(0, HEADER_SIZE);
  if (raw.length < HEADER_SIZE) throw notASif('its header could not be read completely');
  return parseSifHeader(raw);
}

/** Decodes a 128-byte header already in memory; same checks as {@link readSifHeader}. */
export function parseSifHeader(raw: Uint8Array): SifHeader {
  if (!bytesEqual(raw.subarray(MAGIC_OFFSET, MAGIC_OFFSET + MAGIC.length), MAGIC)) {
    throw notASif('the SIF_MAGIC signature is missing at offset 32');
  }
  const versionBytes = raw.subarray(HeaderField.version, HeaderField.version + 3);
  if (!bytesEqual(versionBytes, VERSION_01)) {
    throw new SifError(
      'SIF_UNSUPPORTED_VERSION',
      `Unsupported SIF version "${cString(versionBytes)}": only version 01 is supported; the image may come from a newer tool`,
      { version: cString(versionBytes) },
    );
  }
  const data = view(raw);
  const archCode = fixedCode(raw.subarray(HeaderField.arch, HeaderField.arch + 3));
  return {
    launchScript: cString(raw.subarray(0, 32)),
    version: '01',
    archCode,
    arch: archName(archCode),
    id: formatUuid(raw.subarray(HeaderField.id, HeaderField.id + 16)),
    createdAt: readTime(data, HeaderField.createdAt),
    modifiedAt: readTime(data, HeaderField.modifiedAt),
    descriptorsFree: readTime(data, HeaderField.descriptorsFree),
    descriptorsTotal: readSize(data, HeaderField.descriptorsTotal, 'descriptor count'),
    descriptorsOffset: readSize(data, HeaderField.descriptorsOffset, 'descriptor table offset'),
    descriptorsSize: readSize(data, HeaderField.descriptorsSize, 'descriptor table size'),
    dataOffset: readSize(data, HeaderField.dataOffset, 'data offset'),
    dataSize: readSize(data, HeaderField.dataSize, 'data size'),
    raw: Uint8Array.from(raw.subarray(0, HEADER_SIZE)),
  };
}

/**
 * Decodes a 3-byte architecture field (`"02\0"`) into its two-digit code, or `00` when it is
 * not two characters plus NUL (upstream compares all three bytes, spec A6.4).
 */
export function fixedCode(bytes: Uint8Array): string {
  if (bytes.length !== 3 || bytes[2] !== 0) return '00';
  const text = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  return /^\d\d$/.test(text) ? text : '00';
}

/** Formats 16 raw UUID bytes in the usual 8-4-4-4-12 text form (spec A2). */
export function formatUuid(bytes: Uint8Array): string {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function notASif(reason: string): SifError {
  return new SifError('NOT_A_SIF', `Not a SIF image: ${reason}`);
}

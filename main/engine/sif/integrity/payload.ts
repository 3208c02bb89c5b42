import type { SifDescriptor } from '../format/descriptor.js';
import {
  DIGEST_ALGORITHMS,
  descriptorIntegrityBytes,
  digestBytes,
  headerIntegrityBytes,
} from './digest.js';
import type { DigestCache } from './digest.js';
import type { SifImage } from '../format/load.js';

/** A digest as written in the payload: `<algorithm>:<lower-case hex>` (spec B3). */
export interface PayloadDigest {
  /** Payload name (`sha256`, `sha512_256`, ...). */
  readonly algorithm: string;
  /** Node `crypto` name of the same algorithm. */
  readonly nodeAlgorithm: string;
  readonly hex: string;
}

/** One covered object in the payload (spec B3). */
export interface PayloadObject {
  readonly relativeId: number;
  readonly descriptorDigest: PayloadDigest;
  readonly objectDigest: PayloadDigest;
}

/** The signed JSON document of a current-format signature, parsed (spec B3). */
export interface SignedPayload {
  readonly version: unknown;
  readonly header: PayloadDigest;
  readonly objects: readonly PayloadObject[];
}

/**
 * Builds the exact JSON text apptainer signs for `objects` of one group (spec B2, B3): SHA-256
 * digests of the 61 header bytes, and per object (ascending ID) of its 557 descriptor bytes
 * and its data. Relative IDs count from `minId`, the smallest ID in the whole group.
 */
export async function buildPayload(
  image: SifImage,
  objects: readonly SifDescriptor[],
  minId: number,
  cache: DigestCache,
): Promise<string> {
  const sorted = [...objects].sort((a, b) => a.id - b.id);
  const entries = [];
  for (const d of sorted) {
    const relativeId = d.id - minId;
    entries.push({
      relativeId,
      descriptorDigest: `sha256:${digestBytes('sha256', descriptorIntegrityBytes(d, relativeId))}`,
      objectDigest: `sha256:${await cache.digest(d, 'sha256')}`,
    });
  }
  const header = {
    digest: `sha256:${digestBytes('sha256', headerIntegrityBytes(image.header.raw))}`,
  };
  // Key order and compactness match Go's encoder byte for byte (spec B3).
  return JSON.stringify({ version: 1, header, objects: entries });
}

/**
 * Parses and checks a signed payload the way upstream's decoder does (spec B3): digests must
 * name a known algorithm and have the right length; relative IDs must be unsigned 32-bit.
 * Returns a reason string instead of throwing, for the verifier's per-signature report.
 */
export function parsePayload(text: string): SignedPayload | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'the signed payload is not JSON';
  }
  if (!isRecord(json)) return 'the signed payload is not a JSON object';
  const header = isRecord(json.header) ? parseDigest(json.header.digest) : undefined;
  if (!header) return 'the signed payload has no valid header digest';
  const list = json.objects ?? [];
  if (!Array.isArray(list)) return 'the signed payload has no object list';
  const objects: PayloadObject[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) return 'the signed payload has an invalid object entry';
    const { relativeId } = entry;
    const descriptorDigest = parseDigest(entry.descriptorDigest);
    const objectDigest = parseDigest(entry.objectDigest);
    if (
      typeof relativeId !== 'number' ||
      !Number.isInteger(relativeId) ||
      relativeId < 0 ||
      relativeId > 0xffffffff
    ) {
      return 'the signed payload has an invalid relative ID';
    }
    if (!descriptorDigest || !objectDigest) {
      return 'the signed payload has an invalid object digest';
    }
    objects.push({ relativeId, descriptorDigest, objectDigest });
  }
  return { version: json.version, header, objects };
}

function parseDigest(value: unknown): PayloadDigest | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.split(':');
  const [algorithm, hexText] = parts;
  if (parts.length !== 2 || algorithm === undefined || hexText === undefined) return undefined;
  const nodeAlgorithm = DIGEST_ALGORITHMS[algorithm];
  if (!nodeAlgorithm || !/^[0-9a-fA-F]*$/.test(hexText)) return undefined;
  if (hexText.length !== DIGEST_HEX_LENGTH[algorithm]) return undefined;
  return { algorithm, nodeAlgorithm, hex: hexText.toLowerCase() };
}

const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = {
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
  sha512_224: 56,
  sha512_256: 64,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

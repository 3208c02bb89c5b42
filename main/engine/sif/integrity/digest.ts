import { createHash } from 'node:crypto';

import type { ByteSource } from '../format/byte-source.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { DescriptorField, HeaderField } from '../format/layout.js';
import { readChunks } from '../format/objects.js';
import type { ByteRange } from '../format/objects.js';

/** Digest algorithm names a signed payload may use, with Node's name for each (spec B3). */
export const DIGEST_ALGORITHMS: Readonly<Record<string, string>> = {
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  sha512_224: 'sha512-224',
  sha512_256: 'sha512-256',
};

/**
 * The 61 header bytes a current-format signature covers: launch script, magic and version
 * (bytes 0-44) then the UUID (48-63) (spec B2.1).
 */
export function headerIntegrityBytes(rawHeader: Uint8Array): Uint8Array {
  const out = new Uint8Array(61);
  out.set(rawHeader.subarray(0, HeaderField.arch), 0);
  out.set(rawHeader.subarray(HeaderField.id, HeaderField.id + 16), HeaderField.arch);
  return out;
}

/**
 * The 557 descriptor bytes a current-format signature covers, with the stored ID replaced by
 * the relative ID and group, offset, padded size and modified time left out (spec B2.2).
 */
export function descriptorIntegrityBytes(d: SifDescriptor, relativeId: number): Uint8Array {
  const raw = d.raw;
  const parts = [
    raw.subarray(DescriptorField.dataType, DescriptorField.id),
    le32(relativeId),
    raw.subarray(DescriptorField.link, DescriptorField.offset),
    raw.subarray(DescriptorField.size, DescriptorField.sizeWithPadding),
    raw.subarray(DescriptorField.createdAt, DescriptorField.modifiedAt),
    raw.subarray(DescriptorField.uid),
  ];
  const out = new Uint8Array(557);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Lower-case hex digest of bytes already in memory; `algorithm` is a Node hash name. */
export function digestBytes(algorithm: string, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** Progress of a long sign or verify run: bytes hashed so far, of an estimated total. */
export interface HashProgress {
  readonly kind: 'bytes';
  readonly done: number;
  readonly total: number;
}

/**
 * Hashes byte ranges one after another into one digest per algorithm (`algorithms` are Node
 * names), streaming large chunks (spec B2.3, B7). `onChunk` hears each chunk's length.
 */
export async function digestRanges(
  source: ByteSource,
  ranges: readonly ByteRange[],
  algorithms: readonly string[],
  signal?: AbortSignal,
  onChunk?: (bytes: number) => void,
): Promise<Map<string, string>> {
  const hashes = algorithms.map((a) => [a, createHash(a)] as const);
  for (const range of ranges) {
    for await (const chunk of readChunks(source, range, undefined, signal)) {
      for (const [, hash] of hashes) hash.update(chunk);
      onChunk?.(chunk.length);
    }
  }
  return new Map(hashes.map(([a, hash]) => [a, hash.digest('hex')]));
}

/** Options for a {@link DigestCache}. */
export interface DigestCacheOptions {
  readonly signal?: AbortSignal;
  /** Called after every chunk hashed (STYLE 12: long jobs report progress). */
  readonly onProgress?: (progress: HashProgress) => void;
}

/**
 * Remembers object data digests during one sign or verify run, so an object covered by several
 * signatures is read once per algorithm, and reports hashing progress. Keyed by byte range,
 * so it is valid for one source.
 */
export class DigestCache {
  readonly #source: ByteSource;
  readonly #options: DigestCacheOptions;
  readonly #entries = new Map<string, Promise<string>>();
  #done = 0;
  #total = 0;

  constructor(source: ByteSource, options: DigestCacheOptions = {}) {
    this.#source = source;
    this.#options = options;
  }

  /** Adds the sizes of `ranges` (each distinct range once) to the progress total. */
  expect(ranges: readonly ByteRange[]): void {
    const seen = new Set<string>();
    for (const r of ranges) {
      const key = `${r.offset}:${r.size}`;
      if (!seen.has(key)) this.#total += r.size;
      seen.add(key);
    }
  }

  /** Hex digest (Node algorithm name) of the bytes in `range`, computed at most once. */
  digest(range: ByteRange, algorithm: string): Promise<string> {
    const key = `${range.offset}:${range.size}:${algorithm}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = this.digestMany([range], algorithm);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Hex digest of several ranges hashed as one stream (legacy group signatures, spec B7). */
  async digestMany(ranges: readonly ByteRange[], algorithm: string): Promise<string> {
    const { signal, onProgress } = this.#options;
    const onChunk = onProgress
      ? (bytes: number) => {
          this.#done += bytes;
          onProgress({ kind: 'bytes', done: this.#done, total: Math.max(this.#total, this.#done) });
        }
      : undefined;
    const digests = await digestRanges(this.#source, ranges, [algorithm], signal, onChunk);
    return digests.get(algorithm) ?? '';
  }
}

function le32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

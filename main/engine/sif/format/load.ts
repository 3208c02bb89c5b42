import { readExact } from './byte-source.js';
import type { ByteSource } from './byte-source.js';
import { isUsedRecord, parseDescriptor } from './descriptor.js';
import type { SifDescriptor } from './descriptor.js';
import { malformed } from './errors.js';
import { readSifHeader } from './header.js';
import type { SifHeader } from './header.js';
import { DESCRIPTOR_SIZE, HEADER_SIZE } from './layout.js';

/** A parsed SIF: header plus used descriptors in table order, over its byte source. */
export interface SifImage {
  readonly source: ByteSource;
  readonly header: SifHeader;
  /** Used descriptors, in table (slot) order, which is the order siftool lists them in. */
  readonly descriptors: readonly SifDescriptor[];
  /** Index of the first unused slot, or undefined when the table is full (spec A5, A8). */
  readonly firstFreeSlot: number | undefined;
}

/** Options for {@link loadSif}. */
export interface LoadOptions {
  /**
   * Refuse tables claiming more slots than this (default 65 536, i.e. a 37 MiB table; the
   * library writes 48). Bounds the one allocation sized by the file's own claims.
   */
  readonly maxDescriptors?: number;
}

/** Default bound on the descriptor count (see {@link LoadOptions.maxDescriptors}). */
export const DEFAULT_MAX_DESCRIPTORS = 65_536;

/**
 * Reads the header and descriptor table and checks them against each other and the source
 * size (spec A7): table and every object inside the data, no duplicate IDs, no object over the
 * header, the table or another object. Object data is not read. Throws a `SifError`
 * (NOT_A_SIF, SIF_UNSUPPORTED_VERSION, SIF_MALFORMED) on bad input, never anything else.
 *
 * Differences from upstream, which checks none of this: upstream accepts a table larger than
 * `total x 585` and so do we; everything else here is stricter than upstream on purpose.
 */
export async function loadSif(source: ByteSource, options: LoadOptions = {}): Promise<SifImage> {
  const header = await readSifHeader(source);
  const total = header.descriptorsTotal;
  const max = options.maxDescriptors ?? DEFAULT_MAX_DESCRIPTORS;
  if (total > max) {
    throw malformed(`the header claims ${total} descriptors; at most ${max} are supported`);
  }
  const tableSize = total * DESCRIPTOR_SIZE;
  if (header.descriptorsSize < tableSize) {
    throw malformed(
      `descriptor table size ${header.descriptorsSize} is too small for ${total} descriptors`,
    );
  }
  if (header.descriptorsOffset < HEADER_SIZE && total > 0) {
    throw malformed(`descriptor table offset ${header.descriptorsOffset} overlaps the header`);
  }
  checkExtent(
    'descriptor table offset',
    'descriptor table size',
    header.descriptorsOffset,
    header.descriptorsSize,
    source.size,
  );
  const table = await readExact(source, header.descriptorsOffset, tableSize, 'descriptor table');
  const descriptors: SifDescriptor[] = [];
  let firstFreeSlot: number | undefined;
  for (let slot = 0; slot < total; slot += 1) {
    const record = table.subarray(slot * DESCRIPTOR_SIZE, (slot + 1) * DESCRIPTOR_SIZE);
    if (isUsedRecord(record)) descriptors.push(parseDescriptor(record, slot));
    else firstFreeSlot ??= slot;
  }
  checkDescriptors(descriptors, header, source.size);
  checkExtent('data offset', 'data size', header.dataOffset, header.dataSize, source.size);
  return { source, header, descriptors, firstFreeSlot };
}

/**
 * The table and the data area the header claims must lie inside the file: a writer appends at
 * `data offset + data size` (spec A8), so trusting an absurd value would grow the file to it.
 */
function checkExtent(
  offsetField: string,
  sizeField: string,
  offset: number,
  length: number,
  size: number,
): void {
  if (offset > size) {
    throw malformed(
      `the header's ${offsetField} ${offset} lies past the end of the file (${size} bytes); the file is truncated or damaged`,
      { field: offsetField, value: offset, fileSize: size },
    );
  }
  if (offset + length > size) {
    throw malformed(
      `the header's ${sizeField} ${length} (from ${offsetField} ${offset}) reaches past the end of the file (${size} bytes); the file is truncated or damaged`,
      { field: sizeField, value: length, fileSize: size },
    );
  }
}

function checkDescriptors(descriptors: SifDescriptor[], header: SifHeader, size: number): void {
  const ids = new Set<number>();
  const tableEnd = header.descriptorsOffset + header.descriptorsTotal * DESCRIPTOR_SIZE;
  for (const d of descriptors) {
    if (d.id === 0) throw malformed(`descriptor slot ${d.slot} is used but has object ID 0`);
    if (ids.has(d.id)) throw malformed(`object ID ${d.id} appears twice in the descriptor table`);
    ids.add(d.id);
    const end = d.offset + d.size;
    if (end > size) {
      throw malformed(
        `object ${d.id} (descriptor slot ${d.slot}: offset ${d.offset} + size ${d.size}) lies past the end of the file (${size} bytes); the file is truncated`,
        { id: d.id, offset: d.offset, size: d.size, fileSize: size },
      );
    }
    if (d.size > 0 && (d.offset < HEADER_SIZE || overlaps(d, header.descriptorsOffset, tableEnd))) {
      throw malformed(`object ${d.id} overlaps the header or the descriptor table`, { id: d.id });
    }
  }
  const sorted = descriptors.filter((d) => d.size > 0).sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (prev && next && next.offset < prev.offset + prev.size) {
      throw malformed(`objects ${prev.id} and ${next.id} overlap`, { ids: [prev.id, next.id] });
    }
  }
}

function overlaps(d: SifDescriptor, start: number, end: number): boolean {
  return d.offset < end && d.offset + d.size > start;
}

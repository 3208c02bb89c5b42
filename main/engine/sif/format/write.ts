import type { ByteTarget } from './byte-source.js';
import { DataType, PartType } from './codes.js';
import { SifError, malformed } from './errors.js';
import {
  DESCRIPTOR_SIZE,
  DescriptorField,
  EXTRA_LENGTH,
  GROUP_MARKER,
  HeaderField,
  NAME_LENGTH,
  UNSET_TIME,
  view,
  writeInt64,
} from './layout.js';
import { loadSif } from './load.js';
import type { SifImage } from './load.js';
import { findObject } from './select.js';

/** An object to append (spec A3, A8). */
export interface NewObject {
  readonly dataType: number;
  readonly data: Uint8Array;
  /** Group ID, or 0 for none (signatures are in no group, spec B4). */
  readonly groupId: number;
  /** Raw link field: an object ID, or `GROUP_MARKER | groupId`; 0 for none. */
  readonly link: number;
  readonly name?: string;
  /** Type-specific extra bytes (spec A4), at most 384. */
  readonly extra?: Uint8Array;
  /** Alignment of the object's first byte; 4096 for partitions, 1 otherwise (spec A8). */
  readonly alignment?: number;
}

/**
 * True for deterministic images (nil UUID, created and modified at Go's zero time). Current
 * upstream keeps the zero time for objects added to them; sif 2.8.3 writes the current time
 * (spec C). We follow current upstream.
 */
export function isDeterministicImage(image: SifImage): boolean {
  const h = image.header;
  return /^[0-]+$/.test(h.id) && h.createdAt === UNSET_TIME && h.modifiedAt === UNSET_TIME;
}

/**
 * Appends `object` in place, the way the library does (spec A8, B4 "placement"): data at the
 * end of the data in use (aligned), descriptor in the first free slot with ID slot + 1, then
 * the header (free count, data size, modified time). Every other byte stays as it was. `time`
 * is Unix seconds for the descriptor and header. Returns the new object's ID and the image
 * re-read from `target`.
 */
export async function appendObject(
  target: ByteTarget,
  image: SifImage,
  object: NewObject,
  time: number,
): Promise<{ readonly id: number; readonly image: SifImage }> {
  const slot = image.firstFreeSlot;
  if (slot === undefined) {
    throw new SifError(
      'SIF_FULL',
      `The image has no free descriptor slot (all ${image.header.descriptorsTotal} are used)`,
    );
  }
  const id = slot + 1;
  if (image.descriptors.some((d) => d.id === id)) {
    throw malformed(`object ID ${id} is already taken by another slot; the table is inconsistent`);
  }
  const h = image.header;
  const furthest = image.descriptors.reduce((m, d) => Math.max(m, d.offset + d.size), h.dataOffset);
  const unaligned = Math.max(h.dataOffset + h.dataSize, furthest);
  const alignment = object.alignment ?? 1;
  const offset = Math.ceil(unaligned / alignment) * alignment;

  const record = new Uint8Array(DESCRIPTOR_SIZE);
  const r = view(record);
  r.setInt32(DescriptorField.dataType, object.dataType, true);
  record[DescriptorField.used] = 1;
  r.setUint32(DescriptorField.id, id, true);
  r.setUint32(DescriptorField.group, (GROUP_MARKER | object.groupId) >>> 0, true);
  r.setUint32(DescriptorField.link, object.link >>> 0, true);
  writeInt64(r, DescriptorField.offset, offset);
  writeInt64(r, DescriptorField.size, object.data.length);
  writeInt64(r, DescriptorField.sizeWithPadding, offset - unaligned + object.data.length);
  writeInt64(r, DescriptorField.createdAt, time);
  writeInt64(r, DescriptorField.modifiedAt, time);
  record.set(fixedField(object.name ?? '', NAME_LENGTH, 'name'), DescriptorField.name);
  if (object.extra) {
    record.set(fixedBytes(object.extra, EXTRA_LENGTH, 'extra'), DescriptorField.extra);
  }

  const header = Uint8Array.from(h.raw);
  const hv = view(header);
  writeInt64(hv, HeaderField.descriptorsFree, h.descriptorsFree - 1);
  writeInt64(hv, HeaderField.dataSize, offset + object.data.length - h.dataOffset);
  writeInt64(hv, HeaderField.modifiedAt, time);
  if (object.extra && isPrimaryPartition(object)) {
    header.set(object.extra.subarray(8, 11), HeaderField.arch);
  }

  await target.write(offset, object.data);
  await target.write(h.descriptorsOffset + slot * DESCRIPTOR_SIZE, record);
  await target.write(0, header);
  return { id, image: await loadSif(target) };
}

/** Options for {@link removeObject}. */
export interface RemoveOptions {
  /** Unix seconds for the header's modified time. */
  readonly time: number;
  /** Overwrite the object's data with zeros when it is not cut off the end (default false). */
  readonly zero?: boolean;
}

/**
 * Deletes object `id` in place (spec A8): zeroes its descriptor, updates the header (free
 * count, modified time, arch when it was the primary partition) and, when the object is the
 * last one in the file, cuts the file at the start of its padding so the image is exactly as
 * before the object was added. Returns the image re-read from `target`.
 */
export async function removeObject(
  target: ByteTarget,
  image: SifImage,
  id: number,
  options: RemoveOptions,
): Promise<SifImage> {
  const d = findObject(image, id);
  const h = image.header;
  const end = d.offset + d.size;
  const start = d.offset - (d.sizeWithPadding - d.size);
  const last = image.descriptors.every((o) => o.offset + o.size <= end);
  const compact = last && start >= h.dataOffset && d.sizeWithPadding >= d.size;

  const header = Uint8Array.from(h.raw);
  const hv = view(header);
  writeInt64(hv, HeaderField.descriptorsFree, h.descriptorsFree + 1);
  writeInt64(hv, HeaderField.modifiedAt, options.time);
  if (compact) writeInt64(hv, HeaderField.dataSize, Math.max(0, h.dataSize - d.sizeWithPadding));
  if (d.details.kind === 'partition' && d.details.partType === PartType.primarySystem) {
    header.set([0x30, 0x30, 0x00], HeaderField.arch);
  }
  // Descriptor and header first: a crash before the truncate leaves only unused tail bytes.
  await target.write(
    h.descriptorsOffset + d.slot * DESCRIPTOR_SIZE,
    new Uint8Array(DESCRIPTOR_SIZE),
  );
  await target.write(0, header);
  if (compact) await target.truncate(start);
  else if (options.zero) await zeroRange(target, d.offset, d.size);
  return loadSif(target);
}

function isPrimaryPartition(object: NewObject): boolean {
  return (
    object.dataType === DataType.partition &&
    object.extra !== undefined &&
    object.extra.length >= 11 &&
    view(object.extra).getInt32(4, true) === PartType.primarySystem
  );
}

function fixedField(text: string, length: number, what: string): Uint8Array {
  return fixedBytes(new TextEncoder().encode(text), length, what);
}

function fixedBytes(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length > length) {
    throw new SifError(
      'USAGE',
      `Descriptor ${what} is ${bytes.length} bytes; at most ${length} fit`,
    );
  }
  const out = new Uint8Array(length);
  out.set(bytes);
  return out;
}

async function zeroRange(target: ByteTarget, offset: number, size: number): Promise<void> {
  const block = new Uint8Array(Math.min(size, 1024 * 1024));
  for (let at = 0; at < size; at += block.length) {
    await target.write(offset + at, block.subarray(0, Math.min(block.length, size - at)));
  }
}

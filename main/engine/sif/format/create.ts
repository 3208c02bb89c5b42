import { randomUUID } from 'node:crypto';

import { SifError } from './errors.js';
import {
  DEFAULT_DESCRIPTORS_OFFSET,
  DEFAULT_DESCRIPTOR_CAPACITY,
  DESCRIPTOR_SIZE,
  HEADER_SIZE,
  HeaderField,
  MAGIC,
  UNSET_TIME,
  VERSION_01,
  view,
  writeInt64,
} from './layout.js';

/** The launch script apptainer writes (spec A2). */
export const APPTAINER_LAUNCH_SCRIPT = '#!/usr/bin/env run-singularity\n';

/** Options for {@link createEmptySif}. */
export interface CreateOptions {
  /** Launch script, at most 31 bytes (default: none, like `siftool new`). */
  readonly launchScript?: string;
  /** Image UUID in text form (default: random v4). */
  readonly id?: string;
  /** Creation time, Unix seconds (default: now). */
  readonly time?: number;
  /** Nil UUID and Go's zero time unless `id`/`time` say otherwise (spec A9). */
  readonly deterministic?: boolean;
  /** Descriptor slots (default 48). */
  readonly capacity?: number;
}

/**
 * Bytes of a new image with no objects (spec A1, A2, A9): header, zero filler to 4096, then an
 * empty descriptor table. Add objects with `appendObject` over a byte target holding these.
 */
export function createEmptySif(options: CreateOptions = {}): Uint8Array {
  const capacity = options.capacity ?? DEFAULT_DESCRIPTOR_CAPACITY;
  const launch = new TextEncoder().encode(options.launchScript ?? '');
  if (launch.length > 31) throw new SifError('USAGE', 'The launch script must be at most 31 bytes');
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new SifError('USAGE', 'Capacity must be a positive integer');
  }
  const tableSize = capacity * DESCRIPTOR_SIZE;
  const out = new Uint8Array(DEFAULT_DESCRIPTORS_OFFSET + tableSize);
  const h = view(out.subarray(0, HEADER_SIZE));
  out.set(launch, HeaderField.launchScript);
  out.set(MAGIC, HeaderField.magic);
  out.set(VERSION_01, HeaderField.version);
  out.set([0x30, 0x30, 0x00], HeaderField.arch);
  const id = options.id ?? (options.deterministic ? undefined : randomUUID());
  if (id !== undefined) out.set(parseUuid(id), HeaderField.id);
  const time = options.time ?? (options.deterministic ? UNSET_TIME : Math.floor(Date.now() / 1000));
  writeInt64(h, HeaderField.createdAt, time);
  writeInt64(h, HeaderField.modifiedAt, time);
  writeInt64(h, HeaderField.descriptorsFree, capacity);
  writeInt64(h, HeaderField.descriptorsTotal, capacity);
  writeInt64(h, HeaderField.descriptorsOffset, DEFAULT_DESCRIPTORS_OFFSET);
  writeInt64(h, HeaderField.descriptorsSize, tableSize);
  writeInt64(h, HeaderField.dataOffset, DEFAULT_DESCRIPTORS_OFFSET + tableSize);
  writeInt64(h, HeaderField.dataSize, 0);
  return out;
}

function parseUuid(text: string): Uint8Array {
  const hexText = text.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hexText)) throw new SifError('USAGE', `"${text}" is not a UUID`);
  return Uint8Array.from(Buffer.from(hexText, 'hex'));
}

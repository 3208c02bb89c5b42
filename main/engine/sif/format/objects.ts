import { readExact } from './byte-source.js';
import type { ByteSource } from './byte-source.js';
import { dataTypeName } from './codes.js';
import type { SifDescriptor } from './descriptor.js';
import { malformed } from './errors.js';

/** Default read size when streaming object data: large reads keep hashing near disk speed. */
export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

/** Default ceiling for objects read whole into memory (definition files, JSON, signatures). */
export const DEFAULT_MAX_OBJECT_BYTES = 16 * 1024 * 1024;

/** A byte range of a source: where an object's data lives (spec A7 step 4, B2.3). */
export interface ByteRange {
  readonly offset: number;
  readonly size: number;
}

/**
 * Reads a small object whole (spec A7 step 4: by offset and size, never assuming order).
 * Refuses objects larger than `maxBytes` so a lying descriptor cannot make us allocate
 * gigabytes; stream those with {@link readChunks} instead.
 */
export async function readObject(
  source: ByteSource,
  descriptor: SifDescriptor,
  maxBytes: number = DEFAULT_MAX_OBJECT_BYTES,
): Promise<Uint8Array> {
  if (descriptor.size > maxBytes) {
    throw malformed(
      `object ${descriptor.id} (${dataTypeName(descriptor.dataType)}) is ${descriptor.size} bytes, more than the ${maxBytes} bytes allowed for reading it whole`,
      { id: descriptor.id, size: descriptor.size },
    );
  }
  return readExact(source, descriptor.offset, descriptor.size, `object ${descriptor.id}`);
}

/**
 * Streams a byte range in chunks of `chunkSize` bytes (spec A7 step 5). The next read is
 * started before the current chunk is handed out, so I/O overlaps with the caller's work
 * (hashing), which is what keeps sign/verify close to `openssl dgst` speed. When the source
 * offers `readInto`, two buffers are reused: a chunk is then only valid until the caller asks
 * for the next one, so callers must consume each chunk at once (as hashing does).
 */
export async function* readChunks(
  source: ByteSource,
  range: ByteRange,
  chunkSize: number = DEFAULT_CHUNK_SIZE,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const end = range.offset + range.size;
  if (end > source.size) {
    throw malformed(`object data (bytes ${range.offset}-${end}) lies past the end of the data`);
  }
  const buffers = source.readInto
    ? [
        new Uint8Array(Math.min(chunkSize, range.size)),
        new Uint8Array(Math.min(chunkSize, range.size)),
      ]
    : [];
  const next = (at: number, turn: number): Promise<Uint8Array> | undefined => {
    if (at >= end) return undefined;
    const length = Math.min(chunkSize, end - at);
    const buffer = buffers[turn % 2];
    if (!buffer || !source.readInto) return readExact(source, at, length, 'object data');
    const view = buffer.subarray(0, length);
    return source.readInto(at, view).then((n) => {
      if (n < length) {
        throw malformed(`object data: only ${n} of ${length} bytes could be read at ${at}`);
      }
      return view;
    });
  };
  let position = range.offset;
  let turn = 0;
  let pending = next(position, turn);
  while (pending) {
    signal?.throwIfAborted();
    const chunk = await pending;
    position += chunk.length;
    turn += 1;
    pending = next(position, turn);
    // Keep a failed prefetch from surfacing as an unhandled rejection if the caller stops early.
    pending?.catch(() => undefined);
    yield chunk;
  }
}

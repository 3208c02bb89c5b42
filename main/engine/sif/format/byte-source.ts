import { malformed } from './errors.js';

/**
 * Random-access, read-only bytes: what the SIF parser reads from (a file, a buffer, later an
 * HTTP Range client). Kept minimal on purpose so new transports are cheap to add.
 *
 * Contract: `read(offset, length)` resolves to `length` bytes starting at `offset`, or fewer
 * only when the underlying data really ends early. Callers never ask for more than they have
 * bounded (see {@link readExact}), so implementations may allocate `length` bytes.
 */
export interface ByteSource {
  /** Total length in bytes, as known when the source was opened. */
  readonly size: number;
  /** Reads `length` bytes at absolute `offset` (both in bytes). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional fast path for streaming: fills `target` from `offset` and resolves to the number
   * of bytes read (fewer only at the end of the data). Lets hashing reuse two buffers instead
   * of allocating one per chunk, which on files is several times faster.
   */
  readInto?(offset: number, target: Uint8Array): Promise<number>;
}

/**
 * A {@link ByteSource} that can also be changed in place: what signing and signature removal
 * write to (spec A8). `size` follows writes and truncation.
 */
export interface ByteTarget extends ByteSource {
  /** Writes all of `bytes` at absolute `offset`, growing the target if needed. */
  write(offset: number, bytes: Uint8Array): Promise<void>;
  /** Cuts the target to `length` bytes. */
  truncate(length: number): Promise<void>;
}

/**
 * Reads exactly `length` bytes at `offset`, refusing ranges outside the source. Every read the
 * parser makes goes through here, so truncated or lying files become a typed SIF_MALFORMED
 * error instead of a short buffer (spec A7 step 2).
 */
export async function readExact(
  source: ByteSource,
  offset: number,
  length: number,
  what: string,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw malformed(`${what}: invalid range ${offset}+${length}`);
  }
  if (offset + length > source.size) {
    throw malformed(
      `${what} (bytes ${offset}-${offset + length}) lies past the end of the data (${source.size} bytes); the file is truncated or corrupt`,
      { offset, length, size: source.size },
    );
  }
  if (length === 0) return new Uint8Array(0);
  const bytes = await source.read(offset, length);
  if (bytes.length < length) {
    throw malformed(`${what}: only ${bytes.length} of ${length} bytes could be read`, {
      offset,
      length,
    });
  }
  return bytes.length === length ? bytes : bytes.subarray(0, length);
}

/**
 * An in-memory {@link ByteTarget}, for tests and for small images built in memory. It grows by
 * doubling, so repeated appends stay cheap.
 */
export class MemoryByteSource implements ByteTarget {
  #buffer: Uint8Array;
  #size: number;

  constructor(bytes: Uint8Array = new Uint8Array(0)) {
    this.#buffer = Uint8Array.from(bytes);
    this.#size = bytes.length;
  }

  get size(): number {
    return this.#size;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.#size, offset + length);
    return this.#buffer.slice(Math.min(offset, end), end);
  }

  async write(offset: number, bytes: Uint8Array): Promise<void> {
    const end = offset + bytes.length;
    if (end > this.#buffer.length) {
      const grown = new Uint8Array(Math.max(end, this.#buffer.length * 2));
      grown.set(this.#buffer.subarray(0, this.#size));
      this.#buffer = grown;
    }
    if (offset > this.#size) this.#buffer.fill(0, this.#size, offset);
    this.#buffer.set(bytes, offset);
    this.#size = Math.max(this.#size, end);
  }

  async truncate(length: number): Promise<void> {
    if (length > this.#size) this.#buffer = growTo(this.#buffer, length);
    this.#buffer.fill(0, Math.min(length, this.#size), length);
    this.#size = length;
  }

  /** A copy of the current contents. */
  bytes(): Uint8Array {
    return this.#buffer.slice(0, this.#size);
  }
}

function growTo(buffer: Uint8Array, length: number): Uint8Array {
  if (buffer.length >= length) return buffer;
  const grown = new Uint8Array(length);
  grown.set(buffer);
  return grown;
}

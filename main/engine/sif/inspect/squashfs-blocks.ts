import { inflateSync } from 'node:zlib';

import { readExact } from '../format/byte-source.js';
import type { ByteSource } from '../format/byte-source.js';
import { SifError, malformed } from '../format/errors.js';
import { view } from '../format/layout.js';
import type { ByteRange } from '../format/objects.js';

/** The squashfs 4.0 superblock fields the reader needs (squashfs format, "Superblock"). */
export interface Superblock {
  readonly blockSize: number;
  readonly fragmentCount: number;
  readonly compression: number;
  readonly rootInode: number;
  readonly inodeTable: number;
  readonly directoryTable: number;
  readonly fragmentTable: number;
}

const MAGIC = 0x73717368;
const GZIP = 1;
const COMPRESSOR_NAMES: Readonly<Record<number, string>> = {
  1: 'gzip',
  2: 'lzma',
  3: 'lzo',
  4: 'xz',
  5: 'lz4',
  6: 'zstd',
};
const METADATA_SIZE = 8192;

/**
 * Byte-level access to a squashfs image that lives inside a SIF partition: the superblock,
 * metadata blocks (cached) and data blocks. Only gzip compression is decoded (apptainer's
 * default); blocks stored uncompressed are read whatever the compressor. Everything read is
 * bounds-checked against the partition, and decompression is capped, so a corrupt image
 * gives SIF_MALFORMED instead of a hang or a huge allocation.
 */
export class SquashfsBlocks {
  readonly #source: ByteSource;
  readonly #range: ByteRange;
  readonly #metadata = new Map<number, { data: Uint8Array; next: number }>();
  readonly superblock: Superblock;

  private constructor(source: ByteSource, range: ByteRange, superblock: Superblock) {
    this.#source = source;
    this.#range = range;
    this.superblock = superblock;
  }

  /** Reads and checks the superblock of the squashfs in `range` of `source`. */
  static async open(source: ByteSource, range: ByteRange): Promise<SquashfsBlocks> {
    if (range.size < 96) throw malformed('the partition is too small to hold a squashfs');
    const sb = view(await readExact(source, range.offset, 96, 'squashfs superblock'));
    if (sb.getUint32(0, true) !== MAGIC) {
      throw malformed('the partition does not start with a squashfs superblock');
    }
    if (sb.getUint16(28, true) !== 4) {
      throw new SifError('UNSUPPORTED', 'only squashfs version 4 can be read');
    }
    const blockSize = sb.getUint32(12, true);
    if (blockSize < 4096 || blockSize > 1 << 20 || (blockSize & (blockSize - 1)) !== 0) {
      throw malformed(`squashfs block size ${blockSize} is invalid`);
    }
    const u64 = (at: number) => Number(sb.getBigUint64(at, true) & 0xffffffffffffn);
    return new SquashfsBlocks(source, range, {
      blockSize,
      fragmentCount: sb.getUint32(16, true),
      compression: sb.getUint16(20, true),
      rootInode: u64(32),
      inodeTable: u64(64),
      directoryTable: u64(72),
      fragmentTable: u64(80),
    });
  }

  /** Name of the compressor, for messages. */
  compressorName(): string {
    return COMPRESSOR_NAMES[this.superblock.compression] ?? `#${this.superblock.compression}`;
  }

  /** Raw bytes at `position` (relative to the squashfs start). */
  async raw(position: number, length: number): Promise<Uint8Array> {
    if (position < 0 || position + length > this.#range.size) {
      throw malformed(`squashfs reference ${position}+${length} lies outside the partition`);
    }
    return readExact(this.#source, this.#range.offset + position, length, 'squashfs data');
  }

  /**
   * Reads `length` bytes of metadata starting `offset` bytes into the metadata block at
   * `position`, continuing into the following blocks as needed.
   */
  async metadata(position: number, offset: number, length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const block = await this.#metadataBlock(position);
      if (offset >= block.data.length) {
        // The wanted bytes start in a later block (offsets may run past one block's end).
        if (block.data.length === 0) throw malformed('empty squashfs metadata block');
        offset -= block.data.length;
        position = block.next;
        continue;
      }
      const take = Math.min(length - done, block.data.length - offset);
      out.set(block.data.subarray(offset, offset + take), done);
      done += take;
      position = block.next;
      offset = 0;
    }
    return out;
  }

  /** One data block: `word` is the on-disk size word (bit 24 = stored uncompressed). */
  async dataBlock(position: number, word: number): Promise<Uint8Array> {
    const size = word & 0xffffff;
    if (size === 0) return new Uint8Array(this.superblock.blockSize);
    if (size > this.superblock.blockSize) {
      throw malformed('squashfs data block is larger than the block size');
    }
    const bytes = await this.raw(position, size);
    return (word & 0x1000000) !== 0 ? bytes : this.#inflate(bytes, this.superblock.blockSize);
  }

  async #metadataBlock(position: number): Promise<{ data: Uint8Array; next: number }> {
    const cached = this.#metadata.get(position);
    if (cached) return cached;
    const header = view(await this.raw(position, 2)).getUint16(0, true);
    const size = header & 0x7fff;
    if (size > METADATA_SIZE) throw malformed('squashfs metadata block is too large');
    const bytes = await this.raw(position + 2, size);
    const data = (header & 0x8000) !== 0 ? bytes : this.#inflate(bytes, METADATA_SIZE);
    const block = { data, next: position + 2 + size };
    if (this.#metadata.size > 4096) this.#metadata.clear();
    this.#metadata.set(position, block);
    return block;
  }

  #inflate(bytes: Uint8Array, max: number): Uint8Array {
    if (this.superblock.compression !== GZIP) {
      throw new SifError(
        'UNSUPPORTED',
        `the squashfs is compressed with ${this.compressorName()}; only gzip squashfs can be read`,
      );
    }
    try {
      return inflateSync(bytes, { maxOutputLength: max });
    } catch {
      throw malformed('a squashfs block does not decompress');
    }
  }
}

import type { ByteSource } from '../format/byte-source.js';
import { malformed } from '../format/errors.js';
import { view } from '../format/layout.js';
import type { ByteRange } from '../format/objects.js';
import { SquashfsBlocks } from './squashfs-blocks.js';

type Inode =
  | { readonly kind: 'dir'; readonly start: number; readonly offset: number; readonly size: number }
  | {
      readonly kind: 'file';
      readonly blocksStart: number;
      readonly fragment: number;
      readonly fragmentOffset: number;
      readonly size: number;
      readonly ref: number;
      readonly headerLength: number;
    }
  | { readonly kind: 'symlink'; readonly target: string }
  | { readonly kind: 'other' };

const NO_FRAGMENT = 0xffffffff;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const MAX_SYMLINKS = 16;

/**
 * A read-only view of a squashfs 4.0 file system inside a SIF partition, just enough to read
 * small files by path (`/.singularity.d/runscript`, …) for inspecting older images that carry
 * no `inspect-metadata.json` (spec A9). Follows symbolic links; refuses files over `maxBytes`.
 */
export class Squashfs {
  readonly #blocks: SquashfsBlocks;

  private constructor(blocks: SquashfsBlocks) {
    this.#blocks = blocks;
  }

  /** Opens the squashfs stored in `range` of `source`. */
  static async open(source: ByteSource, range: ByteRange): Promise<Squashfs> {
    return new Squashfs(await SquashfsBlocks.open(source, range));
  }

  /** Contents of the regular file at absolute `path`, or undefined when there is none. */
  async readFile(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const inode = await this.#lookup(path);
    if (inode?.kind !== 'file') return undefined;
    if (inode.size > maxBytes) {
      throw malformed(`${path} is ${inode.size} bytes, more than ${maxBytes}`);
    }
    return this.#readData(inode);
  }

  async #lookup(path: string): Promise<Inode | undefined> {
    const pending = path.split('/').filter((p) => p !== '' && p !== '.');
    const stack: string[] = [];
    let hops = 0;
    let inode: Inode | undefined = await this.#inode(this.#blocks.superblock.rootInode);
    while (pending.length > 0) {
      const name = pending.shift() ?? '';
      if (name === '..') {
        stack.pop();
        inode = await this.#walk(stack);
        continue;
      }
      if (inode?.kind !== 'dir') return undefined;
      const ref = (await this.#list(inode)).get(name);
      if (ref === undefined) return undefined;
      const next = await this.#inode(ref);
      if (next.kind === 'symlink') {
        if ((hops += 1) > MAX_SYMLINKS) {
          throw malformed(`too many symbolic links resolving ${path}`);
        }
        pending.unshift(...next.target.split('/').filter((p) => p !== '' && p !== '.'));
        if (next.target.startsWith('/')) stack.length = 0;
        inode = await this.#walk(stack);
        continue;
      }
      stack.push(name);
      inode = next;
    }
    return inode;
  }

  async #walk(names: readonly string[]): Promise<Inode | undefined> {
    let inode: Inode | undefined = await this.#inode(this.#blocks.superblock.rootInode);
    for (const name of names) {
      if (inode?.kind !== 'dir') return undefined;
      const ref = (await this.#list(inode)).get(name);
      inode = ref === undefined ? undefined : await this.#inode(ref);
    }
    return inode;
  }

  async #inode(ref: number): Promise<Inode> {
    const sb = this.#blocks.superblock;
    const block = sb.inodeTable + Math.floor(ref / 0x10000);
    const offset = ref % 0x10000;
    const read = async (at: number, length: number) =>
      view(await this.#blocks.metadata(block, offset + at, length));
    const type = (await read(0, 2)).getUint16(0, true);
    switch (type) {
      case 1: {
        const d = await read(16, 16);
        return {
          kind: 'dir',
          start: d.getUint32(0, true),
          size: d.getUint16(8, true),
          offset: d.getUint16(10, true),
        };
      }
      case 8: {
        const d = await read(16, 24);
        return {
          kind: 'dir',
          size: d.getUint32(4, true),
          start: d.getUint32(8, true),
          offset: d.getUint16(18, true),
        };
      }
      case 2: {
        const d = await read(16, 16);
        const [blocksStart, fragment, fragmentOffset, size] = [0, 4, 8, 12].map((at) =>
          d.getUint32(at, true),
        ) as [number, number, number, number];
        return { kind: 'file', blocksStart, fragment, fragmentOffset, size, ref, headerLength: 32 };
      }
      case 9: {
        const d = await read(16, 40);
        const size = Number(d.getBigUint64(8, true));
        const blocksStart = Number(d.getBigUint64(0, true));
        return {
          kind: 'file',
          blocksStart,
          size,
          fragment: d.getUint32(28, true),
          fragmentOffset: d.getUint32(32, true),
          ref,
          headerLength: 56,
        };
      }
      case 3:
      case 10: {
        const length = (await read(16, 8)).getUint32(4, true);
        if (length > 4096) throw malformed('squashfs symbolic link target is too long');
        const target = new TextDecoder().decode(
          await this.#blocks.metadata(block, offset + 24, length),
        );
        return { kind: 'symlink', target };
      }
      default:
        return { kind: 'other' };
    }
  }

  async #list(dir: Extract<Inode, { kind: 'dir' }>): Promise<Map<string, number>> {
    const entries = new Map<string, number>();
    const length = dir.size - 3;
    if (length <= 0) return entries;
    if (length > MAX_DIRECTORY_BYTES) throw malformed('squashfs directory is too large');
    const bytes = await this.#blocks.metadata(
      this.#blocks.superblock.directoryTable + dir.start,
      dir.offset,
      length,
    );
    const d = view(bytes);
    let at = 0;
    while (at + 12 <= bytes.length) {
      const count = d.getUint32(at, true) + 1;
      const start = d.getUint32(at + 4, true);
      at += 12;
      for (let i = 0; i < count && at + 8 <= bytes.length; i += 1) {
        const offset = d.getUint16(at, true);
        const nameSize = d.getUint16(at + 6, true) + 1;
        const name = new TextDecoder().decode(bytes.subarray(at + 8, at + 8 + nameSize));
        entries.set(name, start * 0x10000 + offset);
        at += 8 + nameSize;
      }
    }
    return entries;
  }

  async #readData(file: Extract<Inode, { kind: 'file' }>): Promise<Uint8Array> {
    const { blockSize, inodeTable } = this.#blocks.superblock;
    const hasFragment = file.fragment !== NO_FRAGMENT;
    const count = hasFragment
      ? Math.floor(file.size / blockSize)
      : Math.ceil(file.size / blockSize);
    const block = inodeTable + Math.floor(file.ref / 0x10000);
    const sizes = view(
      await this.#blocks.metadata(block, (file.ref % 0x10000) + file.headerLength, count * 4),
    );
    const out = new Uint8Array(file.size);
    let position = file.blocksStart;
    for (let i = 0; i < count; i += 1) {
      const word = sizes.getUint32(i * 4, true);
      const data = await this.#blocks.dataBlock(position, word);
      out.set(data.subarray(0, Math.min(data.length, file.size - i * blockSize)), i * blockSize);
      position += word & 0xffffff;
    }
    if (hasFragment) {
      const tail = file.size - count * blockSize;
      const fragment = await this.#fragment(file.fragment);
      if (file.fragmentOffset + tail > fragment.length) {
        throw malformed('squashfs fragment is too short');
      }
      out.set(
        fragment.subarray(file.fragmentOffset, file.fragmentOffset + tail),
        count * blockSize,
      );
    }
    return out;
  }

  async #fragment(index: number): Promise<Uint8Array> {
    const sb = this.#blocks.superblock;
    if (index >= sb.fragmentCount) throw malformed('squashfs fragment index out of range');
    const pointer = view(await this.#blocks.raw(sb.fragmentTable + Math.floor(index / 512) * 8, 8));
    const entry = view(
      await this.#blocks.metadata(
        Number(pointer.getBigUint64(0, true) & 0xffffffffffffn),
        (index % 512) * 16,
        16,
      ),
    );
    return this.#blocks.dataBlock(
      Number(entry.getBigUint64(0, true) & 0xffffffffffffn),
      entry.getUint32(8, true),
    );
  }
}

import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** A saved hash state at a byte offset. */
export interface HashSnapshot {
  readonly offset: number;
  readonly state: Hash;
}

const READ_SIZE = 4 * 1024 * 1024;

/**
 * sha256 of a file fed in order while it streams out, with snapshots at acknowledged
 * offsets so an upload can resume mid-file without hashing the prefix again.
 */
export class ResumableHash {
  private hash: Hash = createHash('sha256');
  /** Bytes hashed so far. */
  offset = 0;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.offset += chunk.length;
  }

  snapshot(): HashSnapshot {
    return { offset: this.offset, state: this.hash.copy() };
  }

  restore(snapshot: HashSnapshot): void {
    this.hash = snapshot.state.copy();
    this.offset = snapshot.offset;
  }

  reset(): void {
    this.hash = createHash('sha256');
    this.offset = 0;
  }

  /** Hashes bytes of `path` from the current offset up to `target`. */
  async catchUp(path: string, target: number, signal?: AbortSignal): Promise<void> {
    if (target <= this.offset) return;
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_SIZE);
      while (this.offset < target) {
        signal?.throwIfAborted();
        const want = Math.min(READ_SIZE, target - this.offset);
        const { bytesRead } = await handle.read(buffer, 0, want, this.offset);
        if (bytesRead === 0) throw new Error(`file ${path} ended early`);
        this.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  }

  /** `sha256:<hex>`; the state stays usable (a copy is finalised). */
  digest(): string {
    return `sha256:${this.hash.copy().digest('hex')}`;
  }
}

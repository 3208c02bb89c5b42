import type { FileHash } from './worker-file-hash.js';

/**
 * Hashes a file from disk right behind its writer: each {@link written} report queues a
 * {@link FileHash.catchUp} to that many bytes (they are still in the page cache), one
 * at a time. So a pull's digest is that of the bytes on disk, not of the bytes received, at
 * the cost of reading them once more while the download runs. (A second sha256 pass after
 * the download made a 512 MiB pull take a median 2.0 s instead of 1.1–1.2 s here.) A read
 * that fails (the file shrank, vanished) resets the hash; the pull then catches up again
 * from the file.
 */
export class TrailingHash {
  private chain: Promise<void> = Promise.resolve();
  private failed = false;

  constructor(
    readonly hash: FileHash,
    private readonly path: string,
  ) {}

  /** The file now holds `fileBytes` bytes, all written: hash up to there. */
  written(fileBytes: number): void {
    this.chain = this.chain
      .then(() => (this.failed ? undefined : this.hash.catchUp(this.path, fileBytes)))
      .catch(() => {
        this.failed = true;
      });
  }

  /** Waits for every queued read; after a failed one the hash starts again from 0. */
  async settle(): Promise<void> {
    await this.chain;
    if (this.failed) {
      this.failed = false;
      this.hash.reset();
    }
  }
}

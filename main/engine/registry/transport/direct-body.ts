import type { Readable } from 'node:stream';

/**
 * A consumer that lends its own buffers for a response body to land in: the socket reads
 * straight into them, so a multi-GiB blob is never copied in user space (the "bring your own
 * buffer" reader of web streams). The download sink hashes each region where it landed and
 * writes whole buffers to the file.
 */
export interface BufferLender {
  /** A free region (at least 1 byte) for the next bytes; a read fills a prefix of it. */
  lend(): Buffer;
  /**
   * `length` bytes now sit at the start of the region `lend()` returned last. Returns false
   * to stop reading until the resume function from {@link DirectReadable.readInto} is called.
   */
  landed(length: number): boolean;
}

/** A response body that can also be read into a {@link BufferLender} instead of as chunks. */
export interface DirectReadable extends Readable {
  /**
   * Switches the body to direct reading, before anything was read from it as a stream. It
   * then emits no 'data'; it still ends with 'end' once every byte has landed, or fails with
   * 'error' (and `errored`) like any stream, and `destroy()` stops it. Returns the function
   * that restarts reading after `landed` returned false.
   */
  readInto(target: BufferLender): () => void;
}

/** True for a body that supports {@link DirectReadable.readInto}. */
export function isDirectReadable(body: Readable): body is DirectReadable {
  return typeof (body as Partial<DirectReadable>).readInto === 'function';
}

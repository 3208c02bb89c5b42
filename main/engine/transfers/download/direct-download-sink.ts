import type { BufferLender, DirectReadable } from '../../registry/transport/direct-body.js';
import { WRITE_BATCH_BYTES, runSink, type BodySinkOptions } from './body-sink.js';

/** A slab with less free room than this goes to the file; reads continue in a fresh one. */
const MIN_READ_ROOM = 64 * 1024;

/**
 * {@link writeBodyToFile} for a body that reads into lent buffers: the socket fills 4 MiB
 * slabs, each region is hashed where it landed, and full slabs go to an
 * {@link OrderedFileWriter} and are reused once written. No byte is copied in user space,
 * which is what lets a pull keep up with curl on a loopback registry (e2e/bench). Reading
 * pauses while the disk catches up (`SinkRun.backedUp`), so at most three slabs exist.
 *
 * Same contract as the stream sink: resolves with the bytes written once the body has ended
 * and the file is closed; on failure every accepted (hashed) byte is written first, so a
 * resume continues right after them, and the error is the body's own, an AbortError,
 * `tooLong()`, or the failed write's.
 */
export function writeDirectBodyToFile(
  body: DirectReadable,
  options: BodySinkOptions,
): Promise<number> {
  const slabBytes = options.batchBytes ?? WRITE_BATCH_BYTES;
  const minRoom = Math.min(MIN_READ_ROOM, Math.ceil(slabBytes / 16));

  return runSink(body, options, (run) => {
    const spare: Buffer[] = [];
    let current: Buffer | undefined = Buffer.allocUnsafeSlow(slabBytes);
    let used = 0;
    let paused = false;

    /** Sends the current slab to the file; `next` says whether reading goes on in another. */
    const retireCurrent = (next: boolean): void => {
      const slab = current;
      if (slab && used > 0) {
        run.writer.write([slab.subarray(0, used)], used, () => {
          spare.push(slab);
          if (paused && run.open && !run.backedUp) {
            paused = false;
            resumeReading();
          }
        });
      }
      current = next ? (spare.pop() ?? Buffer.allocUnsafeSlow(slabBytes)) : undefined;
      used = 0;
      options.onBytes?.(run.accepted);
    };
    run.drain = () => retireCurrent(false);

    const target: BufferLender = {
      lend: () => current!.subarray(used),
      landed: (length) => {
        if (!current || !run.accept(current.subarray(used, used + length))) return false;
        used += length;
        if (current.length - used < minRoom) retireCurrent(true);
        paused = run.backedUp;
        return !paused;
      },
    };

    // Watch the body before reading it: bytes that came with the head land (and may fail)
    // inside readInto().
    run.watch();
    const resumeReading = body.readInto(target);
  });
}

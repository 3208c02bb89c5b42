import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { BufferLender, DirectReadable } from './direct-body.js';

/** Read buffer for stream-mode bodies (node:http reads 64 KiB at a time). */
const STREAM_READ_BYTES = 1024 * 1024;

/**
 * The body of a {@link rawGet} response, fed by the socket's `onread` callback. Until the
 * consumer picks a mode, the socket is paused and bytes that came with the head wait in
 * `held`. Stream mode copies each read out of one reused buffer into a chunk; direct mode
 * ({@link readInto}) has the socket read into the target's own buffers.
 */
export class RawBody extends Readable implements DirectReadable {
  private mode: 'undecided' | 'stream' | 'direct' = 'undecided';
  private target: BufferLender | undefined;
  /** The region last lent by the target, to recognise a read that landed in it. */
  private lent: Buffer | undefined;
  private held: Buffer | undefined;
  private scratch: Buffer | undefined;
  /** Every byte of the body has arrived (end-of-stream is emitted once a mode is chosen). */
  private complete = false;
  /** The socket is paused because the consumer has not taken the last bytes yet. */
  private heldBack = false;

  /**
   * @param remaining body bytes still to come: the Content-Length minus what came with the
   *   head, or Infinity for a body that ends when the connection closes.
   */
  constructor(
    private readonly socket: Socket,
    private remaining: number,
  ) {
    super();
  }

  /** Where the socket's next read should land (the `onread` buffer generator). */
  nextReadBuffer(): Buffer {
    if (this.mode === 'direct' && !this.destroyed && !this.complete) {
      this.lent = this.target!.lend();
      return this.lent;
    }
    this.scratch ??= Buffer.allocUnsafe(STREAM_READ_BYTES);
    return this.scratch;
  }

  /**
   * True while the consumer holds the body back (it has not started reading, or the socket
   * is paused for it): no bytes arriving then is not a stall.
   */
  get consumerPaused(): boolean {
    return this.mode === 'undecided' || this.heldBack;
  }

  /** Takes bytes the socket read; returns false to pause the socket. Extra bytes are dropped. */
  accept(bytes: Buffer): boolean {
    const more = this.acceptBytes(bytes);
    this.heldBack = !more && !this.complete;
    return more;
  }

  private acceptBytes(bytes: Buffer): boolean {
    if (this.destroyed || this.complete) return false;
    const take = bytes.length <= this.remaining ? bytes : bytes.subarray(0, this.remaining);
    this.remaining -= take.length;
    let more = true;
    if (take.length > 0) {
      if (this.mode === 'direct') more = this.land(take);
      else if (this.mode === 'stream') more = this.push(Buffer.from(take));
      else {
        this.held = this.held ? Buffer.concat([this.held, take]) : Buffer.from(take);
        more = false;
      }
    }
    if (this.remaining === 0) this.completeBody();
    return more && !this.complete;
  }

  private resumeSocket(): void {
    this.heldBack = false;
    this.socket.resume();
  }

  /** The connection closed: the end of an unframed body, or a cut one. */
  socketClosed(): void {
    if (this.complete || this.destroyed) return;
    if (this.remaining === Number.POSITIVE_INFINITY) this.completeBody();
    else
      this.destroy(Object.assign(new Error('connection closed mid-body'), { code: 'ECONNRESET' }));
  }

  readInto(target: BufferLender): () => void {
    if (this.mode !== 'undecided') throw new Error('this body is already being read');
    this.mode = 'direct';
    this.target = target;
    const held = this.takeHeld();
    const more = held ? this.land(held) : true;
    if (this.complete) this.endDirect();
    else if (more) this.resumeSocket();
    return () => {
      if (!this.destroyed && !this.complete) this.resumeSocket();
    };
  }

  override _read(): void {
    if (this.mode === 'direct') return;
    if (this.mode === 'undecided') {
      this.mode = 'stream';
      const held = this.takeHeld();
      if (held) this.push(held);
      if (this.complete) {
        this.push(null);
        return;
      }
    }
    if (!this.complete) this.resumeSocket();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }

  private takeHeld(): Buffer | undefined {
    const held = this.held;
    this.held = undefined;
    return held;
  }

  /** Hands bytes to the target: in place when they landed in its region, else copied in. */
  private land(bytes: Buffer): boolean {
    const target = this.target!;
    const lent = this.lent;
    this.lent = undefined;
    if (lent && bytes.buffer === lent.buffer && bytes.byteOffset === lent.byteOffset) {
      return target.landed(bytes.length);
    }
    // Bytes read before direct mode began: copy them in, whatever the target says meanwhile
    // (a pause only takes effect after them, so this overshoots by at most one read).
    let more = true;
    for (let offset = 0; offset < bytes.length && !this.destroyed;) {
      const region = target.lend();
      const copied = bytes.copy(region, 0, offset);
      if (copied === 0) throw new Error('the download target lent an empty buffer');
      offset += copied;
      more = target.landed(copied);
    }
    return more;
  }

  private completeBody(): void {
    this.complete = true;
    this.socket.end();
    if (this.mode === 'stream') this.push(null);
    else if (this.mode === 'direct') this.endDirect();
  }

  /** Ends a direct-mode body: nothing is buffered, so resuming emits 'end' at once. */
  private endDirect(): void {
    if (this.destroyed) return;
    this.push(null);
    this.resume();
  }
}

import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { SifportError } from '../../errors.js';
import { timeoutError, type TimeoutKind, type TransportTimeouts } from './timeouts.js';

/** Samples per progress window: a stall is seen within 1¼ windows of its start. */
const SAMPLES_PER_WINDOW = 4;

type Phase = 'idle' | 'connecting' | 'sending' | 'waiting' | 'receiving' | 'done';

/**
 * Watches one request's socket through its phases (issue #10 item 8): connecting (TCP and
 * TLS, `connectMs`), sending the body (progress), waiting for the answer (`firstByteMs`)
 * and receiving the body (progress). When a limit runs out it calls `fail` once with a
 * retryable NETWORK error; the transport destroys the request or the body with it. The
 * progress check reads the socket's byte counters, so it costs nothing per chunk, and it
 * skips windows in which the consumer held the body back.
 */
export class RequestWatchdog {
  private phase: Phase = 'idle';
  private socket: Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private requestSent = false;
  private samples: number[] = [];

  /**
   * @param consumerPaused true while the body's reader applies backpressure (then no bytes
   *   arrive, and rightly so).
   */
  constructor(
    private readonly t: TransportTimeouts,
    private readonly url: URL,
    private readonly fail: (err: SifportError) => void,
    private consumerPaused: () => boolean = () => this.socket?.isPaused() ?? false,
  ) {}

  /** The request got its socket: new (still connecting) or reused from the pool. */
  attach(socket: Socket, connectMs = this.t.connectMs): void {
    if (this.phase !== 'idle') return;
    this.socket = socket;
    const tls = socket instanceof TLSSocket;
    const handshaking =
      tls && (socket as { _secureEstablished?: boolean })._secureEstablished === false;
    if (!socket.connecting && !handshaking) {
      this.afterConnect();
      return;
    }
    this.phase = 'connecting';
    this.arm(connectMs, () => this.expire('connect', connectMs));
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      if (this.phase === 'connecting') this.afterConnect();
    });
  }

  /** The whole request, body included, has been handed to the socket. */
  sent(): void {
    this.requestSent = true;
    if (this.phase === 'sending') this.startWaiting();
  }

  /** The response head arrived; from now on the body must keep moving. */
  responded(consumerPaused?: () => boolean): void {
    if (this.phase === 'done') return;
    if (consumerPaused) this.consumerPaused = consumerPaused;
    this.phase = 'receiving';
    this.startProgress(() => this.socket?.bytesRead ?? 0);
  }

  /** The exchange ended (or failed some other way): no more checks. */
  stop(): void {
    this.phase = 'done';
    this.clear();
  }

  private afterConnect(): void {
    if (this.requestSent) {
      this.startWaiting();
      return;
    }
    this.phase = 'sending';
    this.startProgress(() => this.socket?.bytesWritten ?? 0);
  }

  private startWaiting(): void {
    this.phase = 'waiting';
    this.arm(this.t.firstByteMs, () => this.expire('first-byte', this.t.firstByteMs));
  }

  private startProgress(counter: () => number): void {
    const phase = this.phase;
    const step = Math.max(1, Math.floor(this.t.progressIntervalMs / SAMPLES_PER_WINDOW));
    this.samples = [counter()];
    const tick = (): void => {
      if (this.phase !== phase) return;
      if (this.consumerPaused()) {
        this.samples = [counter()];
      } else {
        this.samples.push(counter());
        if (this.samples.length > SAMPLES_PER_WINDOW + 1) this.samples.shift();
        const moved = this.samples[this.samples.length - 1]! - this.samples[0]!;
        if (this.samples.length > SAMPLES_PER_WINDOW && moved < this.t.progressMinBytes) {
          this.expire('stall', this.t.progressIntervalMs);
          return;
        }
      }
      this.arm(step, tick);
    };
    this.arm(step, tick);
  }

  private expire(kind: TimeoutKind, ms: number): void {
    if (this.phase === 'done') return;
    this.stop();
    this.fail(timeoutError(kind, this.url, this.t, ms));
  }

  private arm(ms: number, fn: () => void): void {
    this.clear();
    this.timer = setTimeout(fn, ms);
    this.timer.unref();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

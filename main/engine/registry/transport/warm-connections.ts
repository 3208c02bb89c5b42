import type tls from 'node:tls';
import { connectTls } from './tls-socket.js';

/** How long an opened connection waits for its GET before it is closed. */
const IDLE_MS = 15_000;

/** A TLS connection opened ahead of its request; `ready` once the handshake is done. */
export interface WarmSocket {
  readonly socket: tls.TLSSocket;
  readonly ready: boolean;
}

interface Parked {
  readonly socket: tls.TLSSocket;
  ready: boolean;
  readonly idle: NodeJS.Timeout;
}

/**
 * TLS connections to a registry opened while the pull is still fetching its token and
 * manifest, so each blob GET (one per region of a parallel pull) finds its TCP and TLS
 * handshakes done: two round trips fewer on the critical path, 0.3 s at 150 ms (issue #13).
 * Keep-alive sockets of the manifest requests stay with node:http's agent; this is the
 * supported way to have connections ready for the raw blob GET. A connection that fails or
 * closes meanwhile is dropped quietly: the GET then opens its own and reports its own error.
 */
export class WarmConnections {
  private readonly parked = new Map<string, Parked[]>();

  constructor(private readonly idleMs = IDLE_MS) {}

  /** Opens connections to `url`'s origin until `count` are parked there. */
  open(url: URL, count: number, options: tls.ConnectionOptions): void {
    if (url.protocol !== 'https:') return;
    const list = this.parked.get(url.origin) ?? [];
    this.parked.set(url.origin, list);
    for (let i = list.length; i < count; i++) {
      const socket = connectTls(url, options);
      const entry: Parked = {
        socket,
        ready: false,
        idle: setTimeout(() => socket.destroy(), this.idleMs).unref(),
      };
      socket.unref();
      socket.once('secureConnect', () => {
        entry.ready = true;
      });
      // Idle: an error or the server's close only drops it (the GET reports its own errors).
      const drop = (): void => {
        this.remove(url.origin, entry);
        socket.destroy();
      };
      socket.on('error', drop);
      socket.once('end', drop);
      socket.once('close', drop);
      list.push(entry);
    }
  }

  /** A parked connection to `url`'s origin, handshake done or under way; removed from the pool. */
  take(url: URL): WarmSocket | undefined {
    const list = this.parked.get(url.origin);
    while (list?.length) {
      const entry = list.shift()!;
      clearTimeout(entry.idle);
      if (entry.socket.destroyed) continue;
      entry.socket.ref();
      entry.socket.removeAllListeners('end');
      entry.socket.removeAllListeners('close');
      entry.socket.removeAllListeners('error');
      return entry;
    }
    return undefined;
  }

  /** Closes every parked connection. */
  close(): void {
    for (const list of this.parked.values()) {
      for (const entry of list.splice(0)) {
        clearTimeout(entry.idle);
        entry.socket.destroy();
      }
    }
  }

  private remove(origin: string, entry: Parked): void {
    clearTimeout(entry.idle);
    const list = this.parked.get(origin);
    const at = list?.indexOf(entry) ?? -1;
    if (at >= 0) list!.splice(at, 1);
  }
}

import { createServer, connect, type Server, type Socket } from 'node:net';

/** Options of {@link startLatencyRelay}. */
export interface LatencyRelayOptions {
  /** `127.0.0.1:PORT` of what to relay to (a registry; TLS passes through untouched). */
  readonly upstream: string;
  /** Delay added to each direction, in ms: the round trip grows by twice this. */
  readonly delayMs: number;
  /** Cap per direction and connection, in bytes per second; none by default. */
  readonly bytesPerSecond?: number | undefined;
  /**
   * Bytes one direction of a connection may have in flight (read, not yet delivered) before
   * the relay stops reading: a stock Linux host's TCP window. Default 8 MiB.
   */
  readonly windowBytes?: number | undefined;
}

/** A running relay: point a client at `host` instead of the upstream. */
export interface LatencyRelay {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  readonly port: number;
  /** Bytes delivered, both directions, all connections. */
  readonly bytesRelayed: () => number;
  stop(): Promise<void>;
}

const DEFAULT_WINDOW = 8 * 1024 * 1024;

/**
 * A user-space TCP relay on 127.0.0.1 that makes a loopback registry look far away: each
 * direction of each connection delivers every chunk `delayMs` after it was read, in order,
 * at most `bytesPerSecond`, with at most `windowBytes` in flight (so, like TCP, one
 * connection carries at most a window per round trip). The kernel here has no netem; this
 * is what the bench's long-link rows run through. Loopback only.
 */
export async function startLatencyRelay(options: LatencyRelayOptions): Promise<LatencyRelay> {
  const [upstreamHost, upstreamPort] = splitHost(options.upstream);
  const sockets = new Set<Socket>();
  let relayed = 0;
  const count = (n: number) => {
    relayed += n;
  };
  const server: Server = createServer((client) => {
    const upstream = connect({ host: upstreamHost, port: upstreamPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    delayedPipe(client, upstream, options, count);
    delayedPipe(upstream, client, options, count);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    host: `127.0.0.1:${port}`,
    port,
    bytesRelayed: () => relayed,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Copies `from` to `to`, each chunk held back until its time comes (one timer at a time). */
function delayedPipe(
  from: Socket,
  to: Socket,
  options: LatencyRelayOptions,
  count: (n: number) => void,
): void {
  const window = options.windowBytes ?? DEFAULT_WINDOW;
  const queue: { due: number; chunk: Buffer }[] = [];
  let inFlight = 0;
  let lastDue = 0;
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  let waitingForDrain = false;

  const deliver = (): void => {
    timer = undefined;
    while (queue.length > 0 && !waitingForDrain) {
      const head = queue[0]!;
      const wait = head.due - performance.now();
      if (wait > 0.5) {
        timer = setTimeout(deliver, wait);
        return;
      }
      queue.shift();
      inFlight -= head.chunk.length;
      count(head.chunk.length);
      if (!to.write(head.chunk)) {
        waitingForDrain = true;
        to.once('drain', () => {
          waitingForDrain = false;
          deliver();
        });
      }
      if (from.isPaused() && inFlight <= window / 2) from.resume();
    }
    if (queue.length === 0 && ended) to.end();
  };

  from.on('data', (chunk: Buffer) => {
    const now = performance.now();
    const sendTime =
      options.bytesPerSecond === undefined
        ? now
        : Math.max(now, lastDue - options.delayMs) + (chunk.length / options.bytesPerSecond) * 1000;
    const due = Math.max(lastDue, sendTime + options.delayMs);
    lastDue = due;
    queue.push({ due, chunk });
    inFlight += chunk.length;
    if (inFlight >= window) from.pause();
    if (timer === undefined && !waitingForDrain) deliver();
  });
  from.on('end', () => {
    ended = true;
    if (queue.length === 0 && !waitingForDrain) to.end();
  });
}

function splitHost(host: string): [string, number] {
  const at = host.lastIndexOf(':');
  const port = Number(host.slice(at + 1));
  if (at < 0 || !Number.isInteger(port)) throw new Error(`Not HOST:PORT: ${host}`);
  return [host.slice(0, at), port];
}

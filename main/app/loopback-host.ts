import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { SOCKET_PATH_PREFIX, TOKEN_FRAGMENT_KEY } from '../../shared/loopback-address.js';
import { events, type EventName, type EventOf } from '../../shared/contract.js';
import {
  callMessage,
  MAX_FRAME_BYTES,
  type CallMessage,
  type EventMessage,
  type ReplyMessage,
} from '../../shared/loopback-protocol.js';
import { SifportError } from '../engine/errors.js';
import { dispatch, type Handlers } from './dispatch.js';
import { createHandlers, type HandlerDeps } from './handlers.js';
import { serveStatic } from './static-files.js';

/** What {@link startLoopbackHost} needs: the handler dependencies (minus `emit`) and the page. */
export interface LoopbackHostOptions extends Omit<HandlerDeps, 'emit'> {
  /** The built renderer (`dist-web/`), served as the page. */
  readonly staticDir: string;
}

/** A running loopback host. */
export interface LoopbackHost {
  /** The page to open: `http://127.0.0.1:PORT/#token=SECRET`. */
  readonly url: string;
  /** The page's origin, the only `Origin` a socket is accepted from. */
  readonly origin: string;
  /** `ws://127.0.0.1:PORT/ipc/SECRET`, what the page derives from {@link url}. */
  readonly socketUrl: string;
  /** Closes every socket and the server. */
  stop(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function usageReply(message: string): ReplyMessage {
  return { id: null, envelope: { ok: false, error: new SifportError('USAGE', message).toInfo() } };
}

/** A frame read as a call, or why it is not one. */
function readCall(data: RawData, isBinary: boolean): CallMessage | string {
  if (isBinary) return 'A frame must be JSON text, not binary.';
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString());
  } catch {
    return 'A frame must be JSON text.';
  }
  const call = callMessage.safeParse(raw);
  return call.success ? call.data : 'A frame must be {id, channel, request}.';
}

/** Dispatches one frame and answers on the same socket; unreadable frames get `id: null`. */
async function answer(handlers: Handlers, ws: WebSocket, data: RawData, isBinary: boolean) {
  const call = readCall(data, isBinary);
  const reply: ReplyMessage =
    typeof call === 'string'
      ? usageReply(call)
      : { id: call.id, envelope: await dispatch(handlers, call.channel, call.request) };
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(reply));
}

/**
 * Serves the IPC handler table over a WebSocket on 127.0.0.1 (DESIGN.md: the loopback host
 * that lets the real renderer run in Chromium under Playwright), and the built renderer over
 * HTTP on the same port so page and socket share one origin. A socket is accepted only on
 * `/ipc/SECRET` (32 random bytes, given to the page in the URL fragment, which never reaches
 * a server log), only from the page's own origin and only with our `Host` (DNS rebinding).
 * Events from the handlers are checked against the contract and sent to every socket.
 */
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const { staticDir, ...deps } = options;
  const token = randomBytes(32).toString('base64url');
  const sockets = new Set<WebSocket>();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    const checked = events[event].safeParse(payload);
    if (!checked.success) {
      console.warn(`loopback host: dropped a ${event} event that does not fit the contract`);
      return;
    }
    const frame = JSON.stringify({ event, payload: checked.data } satisfies EventMessage);
    for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  const handlers = createHandlers({ ...deps, emit });
  let origin = '';

  const server = createServer((req, res) => {
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request\n');
      return;
    }
    void serveStatic(staticDir, req, res).catch(() => res.destroy());
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      answer(handlers, ws, data, isBinary).catch(() => ws.terminate());
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0] ?? '';
    const allowed =
      path.startsWith(SOCKET_PATH_PREFIX) &&
      sameSecret(path.slice(SOCKET_PATH_PREFIX.length), token) &&
      req.headers.origin === origin &&
      req.headers.host === new URL(origin).host;
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    origin,
    socketUrl: `ws://127.0.0.1:${port}${SOCKET_PATH_PREFIX}${token}`,
    async stop() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

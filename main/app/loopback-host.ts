import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { SOCKET_PATH_PREFIX, TOKEN_FRAGMENT_KEY } from '../../shared/loopback-address.js';
import type { EventName, EventOf } from '../../shared/contract.js';
import { MAX_FRAME_BYTES } from '../../shared/client-protocol.js';
import type { EventSink, Handlers } from './dispatch.js';
import { createProtocolServer, eventFrame, type ProtocolServer } from './protocol-server.js';
import { serveStatic } from './static-files.js';
import { handleUpload, UPLOAD_PATH, UPLOAD_TOKEN_HEADER } from './upload-endpoint.js';

/** What {@link startLoopbackHost} needs: the page and the handler table. */
export interface LoopbackHostOptions {
  /** The built renderer (`dist-web/`), served as the page. */
  readonly staticDir: string;
  /** Where dropped files are uploaded (the profile's uploads folder); absent: no uploads. */
  readonly uploadsDir?: string | undefined;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  readonly port?: number | undefined;
  /** Builds the handler table over the host's event sink (`AppServices.handlers`). */
  readonly handlers: (emit: EventSink) => Handlers;
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

/** Answers one WebSocket frame on the same socket. */
async function answer(server: ProtocolServer, ws: WebSocket, data: RawData, isBinary: boolean) {
  await server.receive(isBinary ? data : data.toString(), (text) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(text);
  });
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
  const { staticDir } = options;
  const token = randomBytes(32).toString('base64url');
  const sockets = new Set<WebSocket>();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    let frame: string;
    try {
      frame = eventFrame(event, payload);
    } catch (err) {
      console.warn(`loopback host: dropped an event: ${(err as Error).message}`);
      return;
    }
    for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  const server = createProtocolServer(options.handlers(emit));
  let origin = '';

  const http = createServer((req, res) => {
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request\n');
      return;
    }
    if ((req.url ?? '').split('?')[0] === UPLOAD_PATH && options.uploadsDir) {
      const authorized = (r: IncomingMessage): boolean =>
        r.headers.origin === origin &&
        sameSecret(String(r.headers[UPLOAD_TOKEN_HEADER] ?? ''), token);
      void handleUpload(req, res, { dir: options.uploadsDir, authorized }).catch(() =>
        res.destroy(),
      );
      return;
    }
    void serveStatic(staticDir, req, res, [`ws://${new URL(origin).host}`]).catch(() =>
      res.destroy(),
    );
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      answer(server, ws, data, isBinary).catch(() => ws.terminate());
    });
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
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
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    origin,
    socketUrl: `ws://127.0.0.1:${port}${SOCKET_PATH_PREFIX}${token}`,
    async stop() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

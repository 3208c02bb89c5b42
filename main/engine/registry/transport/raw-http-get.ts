import type { IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import type tls from 'node:tls';
import { SifportError } from '../../errors.js';
import { socketHost } from './hosts.js';
import { connectTls } from './tls-socket.js';
import { RawBody } from './raw-body.js';
import { RequestWatchdog } from './request-watchdog.js';
import { DEFAULT_TIMEOUTS, type TransportTimeouts } from './timeouts.js';
import type { WarmSocket } from './warm-connections.js';

const MAX_HEADER_BYTES = 64 * 1024;

/** The parts of a response {@link rawGet} hands back; the transport wraps them. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: RawBody;
}

/** Thrown when the answer needs framing this reader does not do; the caller uses node:http. */
export class RawGetUnsupported extends Error {}

/** Parses a status line and header block (without the final blank line). */
export function parseHead(head: string): { status: number; headers: IncomingHttpHeaders } {
  const lines = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? Number.NaN);
  if (!Number.isInteger(status)) throw new Error(`malformed status line "${lines[0] ?? ''}"`);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status, headers };
}

/**
 * A GET whose body is read straight off the socket, for multi-GiB blob downloads: node:http's
 * body path costs noticeably more CPU per GiB (about three times as much over plain HTTP on
 * the machines we measured, and 0.3 s more per GiB over TLS). The body ({@link RawBody}) can
 * be read as a stream or into the consumer's own buffers ({@link DirectReadable}): over plain
 * HTTP the socket reads into them directly (`onread`); over TLS (`tls` options given for an
 * https:// URL) each decrypted record is copied in once. Only Content-Length bodies (and
 * bodies that end with the connection); anything else throws {@link RawGetUnsupported}
 * before a byte of body is handed out. One connection per request, closed at the end: a new
 * one, or `warm`, a TLS connection opened ahead ({@link WarmConnections}). `timeouts` bound
 * the connect, the wait for the answer and the body's progress ({@link RequestWatchdog});
 * `connectMs` overrides the connect limit.
 */
export function rawGet(
  url: URL,
  headers: Readonly<Record<string, string>>,
  signal?: AbortSignal,
  timeouts: TransportTimeouts = DEFAULT_TIMEOUTS,
  tlsOptions: tls.ConnectionOptions = {},
  connectMs?: number,
  warm?: WarmSocket,
): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const headBuffer = Buffer.allocUnsafe(MAX_HEADER_BYTES);
    let headLength = 0;
    let body: RawBody | undefined;
    let settled = false;
    const fail = (err: Error): void => {
      if (!settled) {
        settled = true;
        socket.destroy();
        reject(err);
      } else {
        body?.destroy(err);
      }
    };
    const onHead = (text: string, rest: Buffer): void => {
      const parsed = parseHead(text);
      const encoding = parsed.headers['transfer-encoding'];
      if (encoding && encoding !== 'identity') {
        throw new RawGetUnsupported(`transfer-encoding ${encoding}`);
      }
      const length = parsed.headers['content-length'];
      const remaining = length === undefined ? Number.POSITIVE_INFINITY : Number(length);
      if (length !== undefined && !(Number.isSafeInteger(remaining) && remaining >= 0)) {
        throw new RawGetUnsupported('bad content-length');
      }
      body = new RawBody(socket, remaining);
      const started = body;
      watchdog.responded(() => started.consumerPaused);
      settled = true;
      resolve({ status: parsed.status, headers: parsed.headers, body });
      // Pauses the socket until the consumer reads the body one way or the other.
      body.accept(rest);
    };
    /** `length` more bytes of the head sit in `headBuffer`; false pauses the socket. */
    const onHeadBytes = (length: number): boolean => {
      const searchFrom = Math.max(0, headLength - 3);
      headLength += length;
      const end = headBuffer.subarray(0, headLength).indexOf('\r\n\r\n', searchFrom);
      if (end < 0) {
        if (headLength >= MAX_HEADER_BYTES) fail(new Error('response headers too large'));
        return true;
      }
      try {
        onHead(
          headBuffer.toString('latin1', 0, end),
          Buffer.from(headBuffer.subarray(end + 4, headLength)),
        );
      } catch (err) {
        fail(err as Error);
      }
      return false;
    };
    const host = socketHost(url);
    const secure = url.protocol === 'https:';
    const socket: net.Socket = warm
      ? warm.socket
      : secure
        ? connectTls(url, tlsOptions)
        : net.connect({
            host,
            port: Number(url.port || 80),
            onread: {
              buffer: () => body?.nextReadBuffer() ?? headBuffer.subarray(headLength),
              callback: (length: number, buffer: Uint8Array): boolean =>
                body
                  ? body.accept(Buffer.from(buffer.buffer, buffer.byteOffset, length))
                  : onHeadBytes(length),
            },
          });
    if (secure) {
      // TLS sockets ignore `onread`: decrypted records arrive as 'data' (up to 16 KiB each).
      socket.on('data', (chunk: Buffer) => {
        let more: boolean;
        if (body) {
          more = body.accept(chunk);
        } else {
          const copied = chunk.copy(headBuffer, headLength);
          more = onHeadBytes(copied);
          // Bytes past a full head buffer: the head is too large (onHeadBytes failed), or
          // they belong to the body and onHead took them from headBuffer already.
          const started = body as RawBody | undefined;
          if (started && copied < chunk.length) more = started.accept(chunk.subarray(copied));
        }
        if (!more) socket.pause();
      });
    }
    socket.setNoDelay(true);
    const watchdog = new RequestWatchdog(timeouts, url, fail);
    watchdog.attach(socket, connectMs);
    const sendRequest = (): void => {
      const lines = [
        `GET ${url.pathname}${url.search} HTTP/1.1`,
        `Host: ${url.host}`,
        'Connection: close',
      ];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`, () => watchdog.sent());
    };
    if (warm?.ready) sendRequest();
    else socket.once(secure ? 'secureConnect' : 'connect', sendRequest);
    socket.once('error', (err) => fail(err));
    socket.once('close', () => {
      watchdog.stop();
      if (!settled)
        fail(
          Object.assign(new Error('connection closed before a response'), { code: 'ECONNRESET' }),
        );
      else body?.socketClosed();
    });
    if (signal) {
      const onAbort = (): void => fail(new SifportError('CANCELLED', 'Cancelled.'));
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
  });
}

import type { IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { SifportError } from '../errors.js';

/** Size of the one read buffer the socket reuses (node:http reads 64 KiB at a time). */
const READ_BUFFER_BYTES = 4 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

/** The parts of a response {@link rawGet} hands back; the transport wraps them. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable;
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
 * A plain-HTTP GET whose body is read straight off the socket into one reused 1 MiB buffer
 * (`onread`), for multi-GiB blob downloads: node:http's body path costs about three times
 * more CPU per GiB than this on the machines we measured. Only Content-Length bodies (and
 * bodies that end with the connection); anything else throws {@link RawGetUnsupported}
 * before a byte of body is handed out. One connection per request, closed at the end.
 */
export function rawGet(
  url: URL,
  headers: Readonly<Record<string, string>>,
  signal?: AbortSignal,
  idleTimeoutMs = 120_000,
): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let head: Buffer | undefined = Buffer.alloc(0);
    let remaining = Number.POSITIVE_INFINITY;
    let settled = false;
    const body = new Readable({
      read: () => socket.resume(),
      destroy: (err, done) => {
        socket.destroy();
        done(err);
      },
    });
    const fail = (err: Error): void => {
      if (!settled) {
        settled = true;
        reject(err);
      } else {
        body.destroy(err);
      }
    };
    const deliver = (chunk: Buffer): boolean => {
      const take = chunk.subarray(0, Math.min(chunk.length, remaining));
      remaining -= take.length;
      const more = take.length === 0 || body.push(Buffer.from(take));
      if (remaining === 0) {
        body.push(null);
        socket.end();
        return true;
      }
      return more;
    };
    const onHead = (text: string, rest: Buffer): void => {
      const parsed = parseHead(text);
      const encoding = parsed.headers['transfer-encoding'];
      if (encoding && encoding !== 'identity') {
        socket.destroy();
        fail(new RawGetUnsupported(`transfer-encoding ${encoding}`));
        return;
      }
      const length = parsed.headers['content-length'];
      if (length !== undefined) remaining = Number(length);
      if (!Number.isSafeInteger(remaining) && remaining !== Number.POSITIVE_INFINITY) {
        socket.destroy();
        fail(new RawGetUnsupported('bad content-length'));
        return;
      }
      settled = true;
      resolve({ status: parsed.status, headers: parsed.headers, body });
      if (remaining === 0) {
        body.push(null);
        socket.end();
      } else if (rest.length > 0) {
        deliver(rest);
      }
    };
    const socket = net.connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 80),
      onread: {
        buffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
        callback: (length: number, buffer: Uint8Array): boolean => {
          const chunk = Buffer.from(buffer.buffer, buffer.byteOffset, length);
          if (head === undefined) return deliver(chunk);
          head = Buffer.concat([head, chunk]);
          const end = head.indexOf('\r\n\r\n');
          if (end < 0) {
            if (head.length > MAX_HEADER_BYTES) fail(new Error('response headers too large'));
            return true;
          }
          const text = head.subarray(0, end).toString('latin1');
          const rest = Buffer.from(head.subarray(end + 4));
          head = undefined;
          try {
            onHead(text, rest);
          } catch (err) {
            socket.destroy();
            fail(err as Error);
          }
          return true;
        },
      },
    });
    socket.setNoDelay(true);
    socket.setTimeout(idleTimeoutMs, () =>
      socket.destroy(Object.assign(new Error('idle timeout'), { code: 'ETIMEDOUT' })),
    );
    socket.once('connect', () => {
      const lines = [
        `GET ${url.pathname}${url.search} HTTP/1.1`,
        `Host: ${url.host}`,
        'Connection: close',
      ];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.once('error', (err) => fail(err));
    socket.once('close', () => {
      if (!settled)
        fail(
          Object.assign(new Error('connection closed before a response'), { code: 'ECONNRESET' }),
        );
      else if (remaining !== 0 && remaining !== Number.POSITIVE_INFINITY) {
        body.destroy(
          Object.assign(new Error('connection closed mid-body'), { code: 'ECONNRESET' }),
        );
      } else if (remaining === Number.POSITIVE_INFINITY) body.push(null);
    });
    if (signal) {
      const onAbort = (): void => {
        socket.destroy();
        fail(new SifportError('CANCELLED', 'Cancelled.'));
      };
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        socket.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
  });
}

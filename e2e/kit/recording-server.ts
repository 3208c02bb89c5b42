import { createServer as createHttpServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { listenOnLoopback } from '../support/loopback-server.js';

/** One request a {@link RecordingServer} received, body included. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * Answers one request; returns false when it does not handle it, and the server then answers
 * 500 and records the request in `unexpected` (STYLE §15: fakes fail on what they did not expect).
 */
export type RecordingHandler = (
  req: RecordedRequest,
  res: ServerResponse,
) => boolean | void | Promise<boolean | void>;

/** A loopback HTTP(S) server for unit tests that records every request. */
export interface RecordingServer {
  /** `http://127.0.0.1:PORT` (or https). */
  readonly url: string;
  /** `127.0.0.1:PORT` */
  readonly host: string;
  readonly requests: RecordedRequest[];
  readonly unexpected: RecordedRequest[];
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts a server on 127.0.0.1 (free port); with `tls` it speaks HTTPS with that key pair. */
export async function startRecordingServer(
  handler: RecordingHandler,
  tls?: { readonly cert: string | Buffer; readonly key: string | Buffer },
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: await readAll(req).catch(() => Buffer.alloc(0)),
      };
      requests.push(recorded);
      let handled: boolean | void;
      try {
        handled = await handler(recorded, res);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500).end(String(err));
        return;
      }
      if (handled === false) {
        unexpected.push(recorded);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`unexpected request ${recorded.method} ${recorded.path}`);
      }
    })();
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  const listening = await listenOnLoopback(server, { scheme: tls ? 'https' : 'http' });
  return {
    url: listening.url,
    host: listening.host,
    requests,
    unexpected,
    close: listening.stop,
  };
}

/** Sends a JSON answer. */
export function json(res: ServerResponse, status: number, value: unknown, headers = {}): true {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
  return true;
}

/** Sends an empty answer. */
export function empty(res: ServerResponse, status: number, headers = {}): true {
  res.writeHead(status, { 'content-length': 0, ...headers });
  res.end();
  return true;
}

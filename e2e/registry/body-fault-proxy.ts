import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { listenOnLoopback } from '../support/loopback-server.js';

/** What to do with the body of one blob download. */
export type BodyFault =
  | { readonly kind: 'pass' }
  /** Send the status, headers and `bytes` body bytes, then cut the connection. */
  | { readonly kind: 'cut'; readonly bytes: number }
  /** Flip every bit of the byte at `offset` (of this response's body). */
  | { readonly kind: 'corrupt'; readonly offset: number };

/** One request seen by the proxy. */
export interface BodyFaultLogEntry {
  readonly method: string;
  readonly path: string;
  readonly range: string | undefined;
  readonly fault: BodyFault['kind'];
  status: number;
}

/** A running proxy that damages blob download bodies. */
export interface BodyFaultProxy {
  readonly url: string;
  readonly host: string;
  readonly requests: readonly BodyFaultLogEntry[];
  stop(): Promise<void>;
}

const BLOB_GET = /^\/v2\/.+\/blobs\/sha256:[a-f0-9]{64}$/;

/**
 * Starts an HTTP proxy on 127.0.0.1 in front of a plain-HTTP registry. Every `GET` of a blob
 * asks `plan(n)` (n counts blob GETs from 0) what to do with its response body; everything
 * else passes untouched. The bed's fault proxy cuts request bodies; this one cuts and
 * corrupts response bodies, which is what a broken or lying download looks like.
 */
export async function startBodyFaultProxy(
  upstreamUrl: string,
  plan: (n: number) => BodyFault,
): Promise<BodyFaultProxy> {
  const upstream = new URL(upstreamUrl);
  const log: BodyFaultLogEntry[] = [];
  let blobGets = 0;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    const isBlobGet = req.method === 'GET' && BLOB_GET.test(path);
    const fault: BodyFault = isBlobGet ? plan(blobGets++) : { kind: 'pass' };
    const range = req.headers.range;
    const entry: BodyFaultLogEntry = {
      method: req.method ?? 'GET',
      path,
      range,
      fault: fault.kind,
      status: 0,
    };
    log.push(entry);
    const headers = { ...req.headers, host: upstream.host };
    const out = httpRequest(new URL(path, upstream), { method: req.method, headers }, (up) => {
      entry.status = up.statusCode ?? 0;
      res.writeHead(entry.status, up.headers);
      let seen = 0;
      up.on('data', (chunk: Buffer) => {
        const start = seen;
        seen += chunk.length;
        if (fault.kind === 'cut') {
          if (start >= fault.bytes) return;
          const part = chunk.subarray(0, fault.bytes - start);
          res.write(part);
          if (seen >= fault.bytes) {
            up.destroy();
            // Let the bytes reach the client before the connection goes.
            setTimeout(() => res.destroy(), 100);
          }
          return;
        }
        if (fault.kind === 'corrupt' && fault.offset >= start && fault.offset < seen) {
          chunk = Buffer.from(chunk);
          chunk[fault.offset - start] = chunk[fault.offset - start]! ^ 0xff;
        }
        res.write(chunk);
      });
      up.on('end', () => res.end());
      up.on('error', () => res.destroy());
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  };

  const server = createServer(handle);
  return { ...(await listenOnLoopback(server)), requests: log };
}

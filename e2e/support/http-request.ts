import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What {@link sendRequest} needs besides the URL. */
export interface RequestOptions {
  readonly method?: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Uint8Array | string;
  /** PEM bundle trusted for https URLs (the test-bed CA); system roots are not used then. */
  readonly ca?: string | Buffer;
  /** Milliseconds before the request is abandoned; default 10 000. */
  readonly timeoutMs?: number;
}

/** A fully read HTTP response. */
export interface SimpleResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * One HTTP(S) request without connection reuse (agent: false), so probes and tests never keep
 * sockets open after they finish and a private CA can be passed per call, which `fetch` in
 * Node 20 cannot do.
 */
export function sendRequest(url: string, options: RequestOptions = {}): Promise<SimpleResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers: OutgoingHttpHeaders = { ...options.headers };
  if (body !== undefined && headers['content-length'] === undefined) {
    headers['content-length'] = body.byteLength;
  }
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers,
        agent: false,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout waiting for ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Returns the first value of a response header, or undefined. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Error codes of the distribution spec (spec §3.9) plus the ones distribution adds. */
export type OciErrorCode =
  | 'BLOB_UNKNOWN'
  | 'BLOB_UPLOAD_INVALID'
  | 'BLOB_UPLOAD_UNKNOWN'
  | 'DIGEST_INVALID'
  | 'MANIFEST_BLOB_UNKNOWN'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_UNKNOWN'
  | 'NAME_INVALID'
  | 'NAME_UNKNOWN'
  | 'SIZE_INVALID'
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'UNSUPPORTED'
  | 'TOOMANYREQUESTS'
  | 'RANGE_INVALID'
  | 'PAGINATION_NUMBER_INVALID'
  | 'UNKNOWN';

/** Sends `{"errors":[{code,message,detail}]}` with the given status. */
export function sendOciError(
  res: ServerResponse,
  status: number,
  code: OciErrorCode,
  message: string,
  headers: OutgoingHttpHeaders = {},
  detail?: unknown,
): void {
  const body = JSON.stringify({
    errors: [{ code, message, ...(detail === undefined ? {} : { detail }) }],
  });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Sends a JSON document (or, for HEAD, only its headers). */
export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
    'content-length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Sends an empty answer with the given status and headers. */
export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { ...headers, 'content-length': 0 });
  res.end();
}

/** `sha256:<hex>` of some bytes. */
export function sha256Digest(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** A digest the fake registry can verify: sha256 with 64 lower-case hex digits. */
export function isSha256Digest(value: string): boolean {
  return /^sha256:[a-f0-9]{64}$/.test(value);
}

/** Any well-formed digest (`algorithm:encoded`, OCI image-spec grammar). */
export function isDigest(value: string): boolean {
  return /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(value);
}

/**
 * Reads a request body, keeping at most `limit` bytes. Returns undefined when the body was
 * larger (the rest is drained and dropped, so the client can still read the answer).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
  });
}

import type { OutgoingHttpHeaders } from 'node:http';

import type { FakeContext } from './fake-registry-context.js';
import type { UploadSession } from './fake-registry-store.js';
import { isSha256Digest, sendEmpty, sendOciError, sha256Digest } from './oci-http.js';

function blobHeaders(ctx: FakeContext, digest: string): OutgoingHttpHeaders {
  return {
    location: `${ctx.origin}/v2/${ctx.name}/blobs/${digest}`,
    'docker-content-digest': digest,
  };
}

function sessionHeaders(ctx: FakeContext, session: UploadSession): OutgoingHttpHeaders {
  return {
    location: `${ctx.origin}/v2/${ctx.name}/blobs/uploads/${session.id}`,
    range: `0-${Math.max(session.size - 1, 0)}`,
    'docker-upload-uuid': session.id,
  };
}

/** Stores `data` as blob `digest` after checking it (400 DIGEST_INVALID on mismatch). */
function commit(ctx: FakeContext, digest: string | null, data: Buffer): boolean {
  if (digest === null || !isSha256Digest(digest)) {
    sendOciError(ctx.res, 400, 'DIGEST_INVALID', `unsupported or missing digest: ${digest ?? ''}`);
    return false;
  }
  const actual = sha256Digest(data);
  if (actual !== digest) {
    sendOciError(
      ctx.res,
      400,
      'DIGEST_INVALID',
      'provided digest did not match uploaded content',
      {},
      {
        expected: digest,
        actual,
      },
    );
    return false;
  }
  ctx.store.repository(ctx.name, true)?.blobs.set(digest, data);
  sendEmpty(ctx.res, 201, blobHeaders(ctx, digest));
  return true;
}

/** Parses `START-END` (inclusive; a `bytes ` prefix and `/total` suffix are tolerated). */
function parseContentRange(value: string): { start: number; end: number } | undefined {
  const match = /^(?:bytes )?(\d+)-(\d+)(?:\/(?:\d+|\*))?$/.exec(value.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { start: Number(match[1]), end: Number(match[2]) };
}

/**
 * Appends a chunk, honouring `Content-Range` (distribution 3.x behaviour): a chunk that does not
 * start at the current offset gets 416 and leaves the session intact. Without `Content-Range`
 * the body is appended (stream mode). Returns false after answering an error.
 */
function append(ctx: FakeContext, session: UploadSession, chunk: Buffer): boolean {
  const header = ctx.req.headers['content-range'];
  if (header !== undefined) {
    const range = parseContentRange(header);
    if (
      range === undefined ||
      range.start !== session.size ||
      range.end - range.start + 1 !== chunk.length
    ) {
      sendOciError(
        ctx.res,
        416,
        'RANGE_INVALID',
        `expected a chunk starting at ${session.size}`,
        sessionHeaders(ctx, session),
      );
      return false;
    }
  }
  if (chunk.length > 0) session.chunks.push(chunk);
  session.size += chunk.length;
  return true;
}

/** `POST /v2/<name>/blobs/uploads/` with optional `mount`+`from` or `digest` (spec §3.3, §3.4). */
export async function startUpload(ctx: FakeContext): Promise<void> {
  const body = await ctx.body();
  if (body === undefined) return;
  const mount = ctx.url.searchParams.get('mount');
  const from = ctx.url.searchParams.get('from');
  if (mount !== null && from !== null) {
    const blob = ctx.store.repository(from, false)?.blobs.get(mount);
    if (blob !== undefined) {
      ctx.store.repository(ctx.name, true)?.blobs.set(mount, blob);
      return sendEmpty(ctx.res, 201, blobHeaders(ctx, mount));
    }
  }
  const digest = ctx.url.searchParams.get('digest');
  if (digest !== null && mount === null) {
    commit(ctx, digest, body);
    return;
  }
  const session = ctx.store.openUpload(ctx.name);
  sendEmpty(ctx.res, 202, sessionHeaders(ctx, session));
}

/** `GET|PATCH|PUT|DELETE /v2/<name>/blobs/uploads/<id>`. */
export async function continueUpload(ctx: FakeContext, id: string): Promise<void> {
  const session = ctx.store.upload(id, ctx.name);
  if (session === undefined) {
    return sendOciError(ctx.res, 404, 'BLOB_UPLOAD_UNKNOWN', 'upload session unknown');
  }
  switch (ctx.req.method) {
    case 'GET':
      return sendEmpty(ctx.res, 204, sessionHeaders(ctx, session));
    case 'DELETE':
      ctx.store.closeUpload(id);
      return sendEmpty(ctx.res, 204);
    case 'PATCH': {
      const chunk = await ctx.body();
      if (chunk === undefined || !append(ctx, session, chunk)) return;
      return sendEmpty(ctx.res, ctx.options.patchStatus ?? 202, sessionHeaders(ctx, session));
    }
    case 'PUT': {
      const chunk = await ctx.body();
      if (chunk === undefined || !append(ctx, session, chunk)) return;
      // Success or digest mismatch, the session is over (as in distribution).
      ctx.store.closeUpload(id);
      commit(ctx, ctx.url.searchParams.get('digest'), Buffer.concat(session.chunks));
      return;
    }
    default:
      return sendOciError(ctx.res, 405, 'UNSUPPORTED', `${ctx.req.method ?? ''} not allowed`);
  }
}

/** Parses a single `bytes=` range against a blob size; null when unsatisfiable. */
function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | null | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const length = Math.min(Number(to), size);
    return length === 0 ? null : { start: size - length, end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start > end || start >= size ? null : { start, end };
}

/** `HEAD|GET|DELETE /v2/<name>/blobs/<digest>`, with `Range` → 206 (spec §3.2). */
export function serveBlob(ctx: FakeContext, digest: string): void {
  const repo = ctx.store.repository(ctx.name, false);
  const blob = repo?.blobs.get(digest);
  if (repo === undefined || blob === undefined) {
    return sendOciError(ctx.res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry', {}, { digest });
  }
  if (ctx.req.method === 'DELETE') {
    repo.blobs.delete(digest);
    return sendEmpty(ctx.res, 202);
  }
  const common = {
    'docker-content-digest': digest,
    'content-type': 'application/octet-stream',
    'accept-ranges': 'bytes',
    etag: `"${digest}"`,
  };
  const header = ctx.req.headers.range;
  const range = header === undefined ? undefined : parseRange(header, blob.length);
  if (range === null) {
    return sendOciError(ctx.res, 416, 'RANGE_INVALID', 'range not satisfiable', {
      'content-range': `bytes */${blob.length}`,
    });
  }
  const status = range === undefined ? 200 : 206;
  const part = range === undefined ? blob : blob.subarray(range.start, range.end + 1);
  ctx.res.writeHead(status, {
    ...common,
    'content-length': part.length,
    ...(range === undefined
      ? {}
      : { 'content-range': `bytes ${range.start}-${range.end}/${blob.length}` }),
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : part);
}

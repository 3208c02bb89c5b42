import { SifportError } from '../errors.js';
import { locationOf, type RegistryClient } from './client.js';
import { headerValue, type HttpResponse } from './transport/http.js';
import { errorFromResponse, expectStored } from './transport/response-error.js';
import { pushScope } from './auth/scopes.js';

/** An upload session: where to send the next request and how much the registry holds. */
export interface UploadSession {
  location: URL;
  /** Bytes the registry has acknowledged. */
  offset: number;
  /** `OCI-Chunk-Min-Length` when the registry sent one. */
  readonly minChunk: number;
}

/** Parses `Range: 0-<end>` of an upload response into the next offset. */
export function nextOffsetFromRange(res: HttpResponse): number | undefined {
  const range = headerValue(res.headers, 'range');
  const match = range ? /^(?:bytes=)?0-(\d+)$/.exec(range.trim()) : null;
  return match ? Number(match[1]) + 1 : undefined;
}

/** `POST …/blobs/uploads/` (oras.md §3.3). A fresh session starts at offset 0. */
export async function startUpload(
  client: RegistryClient,
  repository: string,
  signal?: AbortSignal,
): Promise<UploadSession> {
  const what = `Starting an upload to ${client.registry}/${repository}`;
  const res = await client.request({
    method: 'POST',
    path: `/v2/${repository}/blobs/uploads/`,
    scopes: [pushScope(repository)],
    headers: { 'content-length': '0' },
    signal,
    what,
  });
  if (res.status !== 202) throw await errorFromResponse(res, what, 'POST');
  await res.discard();
  const location = locationOf(res);
  if (!location) {
    throw new SifportError('UPLOAD_INVALID', `${what}: the registry sent no upload Location.`);
  }
  const minChunk = Number(headerValue(res.headers, 'oci-chunk-min-length') ?? 0);
  return { location, offset: 0, minChunk: Number.isFinite(minChunk) ? minChunk : 0 };
}

/**
 * `GET <location>`: how much of the session the registry holds. Returns undefined when the
 * session is gone (distribution 2.8 cancels it after a broken PATCH; oras.md §3.3).
 */
export async function uploadStatus(
  client: RegistryClient,
  repository: string,
  session: UploadSession,
  signal?: AbortSignal,
): Promise<{ offset: number; location: URL } | undefined> {
  let res: HttpResponse;
  try {
    res = await client.request({
      method: 'GET',
      path: session.location,
      crossOrigin: 'without-credentials',
      scopes: [pushScope(repository)],
      signal,
      what: 'Checking the upload session',
    });
  } catch (err) {
    if (err instanceof SifportError && err.code === 'CANCELLED') throw err;
    return undefined;
  }
  await res.discard();
  if (res.status !== 204 && res.status !== 200) return undefined;
  // Distribution answers `0-0` for an empty session as well as for one byte (oras.md §3.3).
  // In practice it means a PATCH broke before anything was stored: resume from 0, not 1.
  const range = headerValue(res.headers, 'range')?.trim();
  const offset = range === '0-0' || range === 'bytes=0-0' ? 0 : (nextOffsetFromRange(res) ?? 0);
  return { offset, location: locationOf(res) ?? session.location };
}

/** `DELETE <location>`: abandons a session; failures are ignored (oras.md §3.3). */
export async function cancelUpload(
  client: RegistryClient,
  repository: string,
  session: UploadSession,
): Promise<void> {
  try {
    const res = await client.request({
      method: 'DELETE',
      path: session.location,
      crossOrigin: 'without-credentials',
      scopes: [pushScope(repository)],
      retry: false,
      what: 'Cancelling the upload',
    });
    await res.discard();
  } catch {
    // The registry expires abandoned sessions on its own.
  }
}

/** `PUT <location>?digest=…` with an optional final body; checks the confirmed digest. */
export async function finishUpload(
  client: RegistryClient,
  repository: string,
  session: UploadSession,
  digest: string,
  signal?: AbortSignal,
): Promise<void> {
  const url = new URL(session.location);
  url.searchParams.append('digest', digest);
  const what = `Completing the upload of ${digest.slice(0, 19)} to ${client.registry}/${repository}`;
  const res = await client.request({
    method: 'PUT',
    path: url,
    crossOrigin: 'without-credentials',
    scopes: [pushScope(repository)],
    headers: { 'content-length': '0', 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(0),
    retry: false,
    signal,
    what,
  });
  const confirmed = await expectStored(res, what, [201, 204, 200]);
  if (confirmed && confirmed !== digest) {
    throw new SifportError(
      'DIGEST_MISMATCH',
      `${client.registry} stored the blob as ${confirmed}, expected ${digest}.`,
    );
  }
}

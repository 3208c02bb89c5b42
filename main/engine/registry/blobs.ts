import { SifportError } from '../errors.js';
import { locationOf, type RegistryClient } from './client.js';
import { headerValue, type HttpResponse } from './transport/http.js';
import { errorFromResponse } from './transport/response-error.js';
import { pullScope, pushScope } from './auth/scopes.js';

const MAX_REDIRECTS = 5;

/** `HEAD` a blob: its size when the repository has it, undefined when not (oras.md §3.2). */
export async function headBlob(
  client: RegistryClient,
  repository: string,
  digest: string,
  signal?: AbortSignal,
  /** A push asks with its own scope, so the check and the upload share one token. */
  scope: string = pullScope(repository),
): Promise<number | undefined> {
  const what = `Checking blob ${digest.slice(0, 19)} in ${client.registry}/${repository}`;
  const res = await client.request({
    method: 'HEAD',
    path: `/v2/${repository}/blobs/${digest}`,
    scopes: [scope],
    signal,
    what,
  });
  await res.discard();
  if (res.status === 404) return undefined;
  if (res.status >= 300 && res.status < 400) return -1; // exists, served elsewhere
  if (res.status !== 200) throw await errorFromResponse(res, what, 'HEAD');
  const length = Number(headerValue(res.headers, 'content-length'));
  return Number.isFinite(length) ? length : -1;
}

/** Outcome of {@link mountBlob}: mounted, or an upload session to use instead. */
export type MountResult =
  { readonly mounted: true } | { readonly mounted: false; readonly session?: URL };

/**
 * Cross-repository mount (oras.md §3.4): `201` means done; `202` gives a normal session;
 * any other answer means "upload it yourself".
 */
export async function mountBlob(
  client: RegistryClient,
  repository: string,
  digest: string,
  from: string,
  signal?: AbortSignal,
): Promise<MountResult> {
  const path = `/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
  let res: HttpResponse;
  try {
    res = await client.request({
      method: 'POST',
      path,
      scopes: [pushScope(repository), pullScope(from)],
      headers: { 'content-length': '0' },
      signal,
      what: `Mounting ${digest.slice(0, 19)} from ${from}`,
    });
  } catch (err) {
    if (err instanceof SifportError && err.code === 'CANCELLED') throw err;
    return { mounted: false };
  }
  await res.discard();
  if (res.status === 201) return { mounted: true };
  const session = res.status === 202 ? locationOf(res) : undefined;
  return session ? { mounted: false, session } : { mounted: false };
}

/** An open blob download. */
export interface BlobStream {
  readonly response: HttpResponse;
  /** True when the server honoured the requested start offset (206). */
  readonly partial: boolean;
}

/**
 * GETs a blob with extra `headers` (a `Range`), following redirects: a redirect to another
 * host is followed without `Authorization` (oras.md §3.2); the headers are kept on every hop.
 * Returns the final response whatever its status.
 */
async function getBlobFollowingRedirects(
  client: RegistryClient,
  repository: string,
  digest: string,
  headers: Readonly<Record<string, string>> | undefined,
  signal: AbortSignal | undefined,
  what: string,
  bulkBody = false,
): Promise<HttpResponse> {
  let res = await client.request({
    method: 'GET',
    path: `/v2/${repository}/blobs/${digest}`,
    scopes: [pullScope(repository)],
    ...(headers ? { headers } : {}),
    signal,
    what,
    bulkBody,
  });
  for (let hop = 0; res.status >= 301 && res.status <= 308 && res.status !== 304; hop++) {
    const target = locationOf(res);
    await res.discard();
    if (!target || hop >= MAX_REDIRECTS) {
      throw new SifportError('NETWORK', `${what}: too many or broken redirects.`);
    }
    // The client sends credentials only to the registry's own origin (and never downgrades).
    res = await client.request({
      method: 'GET',
      path: target,
      scopes: [pullScope(repository)],
      ...(headers ? { headers } : {}),
      signal,
      what,
      bulkBody,
      crossOrigin: 'without-credentials',
    });
  }
  return res;
}

async function blobNotFound(res: HttpResponse, what: string): Promise<SifportError> {
  await res.discard();
  return new SifportError(
    'NOT_FOUND',
    `${what}: the registry does not have this blob (BLOB_UNKNOWN).`,
    { status: 404 },
  );
}

/**
 * The error for a blob whose length is not what its manifest declares (issue #10 item 12):
 * not retryable, since asking again returns the same blob.
 */
function sizeDisagreement(what: string, declared: number, served: string): SifportError {
  return new SifportError(
    'SIZE_MISMATCH',
    `${what}: the registry's manifest and blob disagree: the manifest declares ${declared} bytes, the registry ${served}. The image was stored incorrectly; ask whoever pushed it to push it again.`,
  );
}

/** The TOTAL at the end of `Content-Range` (a 206's `bytes A-B/TOTAL`, or a 416's). */
function rangeTotal(res: HttpResponse): number | undefined {
  const total = /\/(\d+)\s*$/.exec(headerValue(res.headers, 'content-range') ?? '')?.[1];
  return total === undefined ? undefined : Number(total);
}

/** Refuses a 200/206 whose length contradicts the `expected` size, before any byte is read. */
async function checkLength(
  res: HttpResponse,
  offset: number,
  expected: number,
  what: string,
): Promise<void> {
  const length = Number(headerValue(res.headers, 'content-length') ?? Number.NaN);
  const total = res.status === 206 ? rangeTotal(res) : Number.isFinite(length) ? length : undefined;
  const body = res.status === 206 ? expected - offset : expected;
  if (total !== undefined && total !== expected) {
    await res.discard().catch(() => undefined);
    throw sizeDisagreement(what, expected, `serves ${total}`);
  }
  if (Number.isFinite(length) && length !== body) {
    await res.discard().catch(() => undefined);
    throw sizeDisagreement(what, expected, `sends ${length} from byte ${offset}`);
  }
}

/**
 * GETs a blob from `offset`, following redirects. A redirect to another host is followed
 * without `Authorization` (oras.md §3.2); `Range` is kept on every hop. With
 * `expectedSize` (the descriptor's), a length that contradicts it fails at once with
 * SIZE_MISMATCH, as does a 416 on a resume: the blob is shorter than declared.
 */
export async function openBlob(
  client: RegistryClient,
  repository: string,
  digest: string,
  offset: number,
  signal?: AbortSignal,
  expectedSize?: number,
): Promise<BlobStream> {
  const what = `Downloading ${client.registry}/${repository}@${digest.slice(0, 19)}`;
  const range = offset > 0 ? { range: `bytes=${offset}-` } : undefined;
  const res = await getBlobFollowingRedirects(
    client,
    repository,
    digest,
    range,
    signal,
    what,
    true,
  );
  if (res.status === 200) {
    if (expectedSize !== undefined) await checkLength(res, 0, expectedSize, what);
    return { response: res, partial: false };
  }
  if (res.status === 206 && offset > 0) {
    const contentRange = headerValue(res.headers, 'content-range') ?? '';
    const start = Number(/bytes (\d+)-/.exec(contentRange)?.[1] ?? Number.NaN);
    if (start === offset) {
      if (expectedSize !== undefined) await checkLength(res, offset, expectedSize, what);
      return { response: res, partial: true };
    }
    await res.discard();
    throw new SifportError('NETWORK', `${what}: the server resumed at the wrong offset.`, {
      retryable: true,
    });
  }
  if (res.status === 404) throw await blobNotFound(res, what);
  if (res.status === 416 && offset > 0 && expectedSize !== undefined && offset <= expectedSize) {
    await res.discard();
    const total = rangeTotal(res);
    throw sizeDisagreement(
      what,
      expectedSize,
      total === undefined ? `has no byte ${offset}` : `serves ${total}`,
    );
  }
  throw await errorFromResponse(res, what);
}

/**
 * GETs bytes `start`..`end` (inclusive) of a blob with `Range: bytes=start-end`, following
 * redirects as {@link openBlob} does. Resolves to the response when it is 200 (the server
 * ignored the range: the body is the whole blob) or 206; the caller checks `Content-Range`
 * and must read or destroy the body. 404 and other failures throw.
 */
export async function openBlobRange(
  client: RegistryClient,
  repository: string,
  digest: string,
  start: number,
  end: number,
  signal?: AbortSignal,
  /** A download's region: read by the transport's bulk reader (as {@link openBlob} does). */
  bulk = false,
): Promise<HttpResponse> {
  const what = `Reading bytes ${start}-${end} of ${client.registry}/${repository}@${digest.slice(0, 19)}`;
  const range = { range: `bytes=${start}-${end}` };
  const res = await getBlobFollowingRedirects(
    client,
    repository,
    digest,
    range,
    signal,
    what,
    bulk,
  );
  if (res.status === 200 || res.status === 206) return res;
  if (res.status === 404) throw await blobNotFound(res, what);
  if (res.status === 416) {
    await res.discard();
    throw new SifportError(
      'SIZE_MISMATCH',
      `${what}: the registry says the range lies outside the blob, which is smaller than its manifest declares.`,
      { status: 416 },
    );
  }
  throw await errorFromResponse(res, what);
}

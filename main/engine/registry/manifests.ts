import { createHash } from 'node:crypto';
import { SifportError } from '../errors.js';
import type { RegistryClient, RegistryRequest } from './client.js';
import { headerValue } from './transport/http.js';
import { MANIFEST_ACCEPT } from './media-types.js';
import { errorFromResponse, expectStored } from './transport/response-error.js';
import { withRetry } from './transport/retry.js';
import { readBodyBytes } from './read-body.js';
import { deleteScope, pullScope, pushScope } from './auth/scopes.js';

/** Largest manifest we read, in bytes (the conventional registry limit; oras.md §3.5). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** A manifest as fetched: exact bytes, type and digest. */
export interface FetchedManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
}

/** sha256 digest of some bytes, `sha256:<hex>`. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function manifestPath(repository: string, reference: string): string {
  return `/v2/${repository}/manifests/${reference}`;
}

/** A GET or HEAD of a manifest: its path, the pull scope, and every manifest type accepted. */
function manifestRead(
  method: 'GET' | 'HEAD',
  repository: string,
  reference: string,
  what: string,
  signal: AbortSignal | undefined,
): RegistryRequest {
  return {
    method,
    path: manifestPath(repository, reference),
    scopes: [pullScope(repository)],
    headers: { accept: MANIFEST_ACCEPT },
    signal,
    what,
  };
}

/**
 * GETs a manifest by tag or digest. Verifies the body against the digest asked for, or
 * against `Docker-Content-Digest` when fetched by tag.
 */
export async function getManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal?: AbortSignal,
): Promise<FetchedManifest> {
  // One retry loop around the request and its body: a body cut short is a network error
  // too, retried like a 5xx (issue #10 item 11).
  return withRetry(
    client.retryPolicy,
    () => fetchManifestOnce(client, repository, reference, signal),
    signal,
  );
}

async function fetchManifestOnce(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal: AbortSignal | undefined,
): Promise<FetchedManifest> {
  const what = `Fetching ${client.registry}/${repository}:${reference}`;
  const res = await client.request({
    ...manifestRead('GET', repository, reference, what, signal),
    retry: false,
  });
  if (res.status !== 200) {
    const err = await errorFromResponse(res, what);
    if (err.code === 'NOT_FOUND') {
      throw new SifportError(
        'NOT_FOUND',
        `${client.registry}/${repository}:${reference} does not exist (${err.registryCode ?? 'HTTP 404'}). Check the repository and tag (\`sifport tags oras://${client.registry}/${repository}\`).`,
        { status: 404, ...(err.registryCode ? { registryCode: err.registryCode } : {}) },
      );
    }
    throw err;
  }
  // The digest is over the bytes as received; callers parse JSON from these same bytes.
  const bytes = await readBodyBytes(res, MAX_MANIFEST_BYTES);
  const digest = sha256Digest(bytes);
  const expected = reference.startsWith('sha256:')
    ? reference
    : headerValue(res.headers, 'docker-content-digest');
  if (expected && expected.startsWith('sha256:') && expected !== digest) {
    throw new SifportError(
      'DIGEST_MISMATCH',
      `The manifest ${client.registry}/${repository}:${reference} does not match its digest (expected ${expected}, got ${digest}).`,
    );
  }
  const mediaType = (headerValue(res.headers, 'content-type') ?? '').split(';')[0]!.trim();
  return { bytes, mediaType, digest };
}

/** HEADs a manifest; returns its digest, or undefined when absent. */
export async function resolveManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const what = `Resolving ${client.registry}/${repository}:${reference}`;
  const res = await client.request(manifestRead('HEAD', repository, reference, what, signal));
  await res.discard();
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw await errorFromResponse(res, what, 'HEAD');
  const digest = headerValue(res.headers, 'docker-content-digest');
  if (digest) return digest;
  return (await getManifest(client, repository, reference, signal)).digest;
}

/** PUTs manifest bytes under a tag (or digest); returns the digest the registry confirmed. */
export async function putManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  bytes: Buffer,
  mediaType: string,
  signal?: AbortSignal,
): Promise<string> {
  const what = `Storing the manifest ${client.registry}/${repository}:${reference}`;
  const res = await client.request({
    method: 'PUT',
    path: manifestPath(repository, reference),
    scopes: [pushScope(repository)],
    headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
    body: bytes,
    signal,
    what,
  });
  const confirmed = await expectStored(res, what, [201, 200, 202]);
  const digest = sha256Digest(bytes);
  if (confirmed && confirmed !== digest) {
    throw new SifportError(
      'DIGEST_MISMATCH',
      `${client.registry} stored the manifest under ${confirmed}, not ${digest}; it altered the bytes.`,
    );
  }
  return digest;
}

/** DELETEs a manifest by digest (deleting by tag is refused by most registries; §3.5). */
export async function deleteManifest(
  client: RegistryClient,
  repository: string,
  digest: string,
  signal?: AbortSignal,
): Promise<void> {
  const what = `Deleting ${client.registry}/${repository}@${digest}`;
  const res = await client.request({
    method: 'DELETE',
    path: manifestPath(repository, digest),
    scopes: [deleteScope(repository)],
    signal,
    what,
  });
  if (res.status === 202 || res.status === 200 || res.status === 204) {
    await res.discard();
    return;
  }
  const err = await errorFromResponse(res, what, 'DELETE');
  if (err.code === 'UNSUPPORTED') {
    throw new SifportError(
      'UNSUPPORTED',
      `${client.registry} does not allow deleting manifests through the registry API (HTTP ${err.status}). Use the registry's web console or API.`,
      { status: err.status },
    );
  }
  throw err;
}

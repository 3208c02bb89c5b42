import type { ErrorCode } from '../../../../shared/error-codes.js';
import { SifportError } from '../../errors.js';
import { headerValue, type HttpResponse } from './http.js';

/** One entry of an OCI error body `{"errors":[{code,message,detail}]}` (oras.md §3.9). */
export interface OciErrorEntry {
  readonly code: string;
  readonly message?: string;
  readonly detail?: unknown;
}

/** Parses an OCI error body; returns `[]` for empty, plain-text or HTML bodies. */
export function parseOciErrors(body: string): OciErrorEntry[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors
      .filter((e): e is OciErrorEntry => typeof e === 'object' && e !== null && 'code' in e)
      .map((e) => ({ code: String(e.code), message: e.message, detail: e.detail }));
  } catch {
    return [];
  }
}

const CODE_BY_REGISTRY_CODE: Readonly<Record<string, ErrorCode>> = {
  UNAUTHORIZED: 'AUTH_REQUIRED',
  DENIED: 'DENIED',
  NAME_UNKNOWN: 'NOT_FOUND',
  MANIFEST_UNKNOWN: 'NOT_FOUND',
  BLOB_UNKNOWN: 'NOT_FOUND',
  NAME_INVALID: 'NAME_INVALID',
  TAG_INVALID: 'NAME_INVALID',
  UNSUPPORTED: 'UNSUPPORTED',
  TOOMANYREQUESTS: 'RATE_LIMITED',
  DIGEST_INVALID: 'DIGEST_MISMATCH',
  SIZE_INVALID: 'SIZE_MISMATCH',
  MANIFEST_INVALID: 'MANIFEST_INVALID',
  MANIFEST_BLOB_UNKNOWN: 'MANIFEST_INVALID',
  BLOB_UPLOAD_INVALID: 'UPLOAD_INVALID',
  BLOB_UPLOAD_UNKNOWN: 'UPLOAD_INVALID',
  RANGE_INVALID: 'UPLOAD_INVALID',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'UNSUPPORTED';
  if (status === 413) return 'TOO_LARGE';
  if (status === 416) return 'UPLOAD_INVALID';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return 'INTERNAL';
}

/** A short hint per code: what the user can do about it. */
const ADVICE: Partial<Record<ErrorCode, string>> = {
  AUTH_REQUIRED: 'Log in with `sifport login REGISTRY` (or check the username and password).',
  DENIED: 'Your account lacks the right for this; ask for access or use another account.',
  NAME_INVALID: 'Check the repository name: lower-case letters, digits and . _ - / only.',
  UNSUPPORTED: 'This registry does not offer that operation.',
  RATE_LIMITED: 'The registry is rate-limiting requests; wait and try again.',
  SERVER_ERROR: 'The registry failed; try again later.',
  TOO_LARGE: 'The registry refused the size of the request.',
};

/** Describes the request in messages: `GET 127.0.0.1:5000/v2/x/manifests/latest`. */
export function describeRequest(method: string, url: URL): string {
  return `${method} ${url.host}${url.pathname}`;
}

/**
 * Turns a non-success response into a {@link SifportError}: spec code if the body has one,
 * otherwise the status; `what` says what was being attempted, in words.
 */
export async function errorFromResponse(
  res: HttpResponse,
  what: string,
  method = 'GET',
): Promise<SifportError> {
  const body = await res.text(64 * 1024).catch(() => '');
  const entries = parseOciErrors(body);
  const first = entries[0];
  // 413 says what to do (send less) more precisely than the body's code, which is often
  // SIZE_INVALID (GHCR-style chunk caps); the uploader shrinks its chunks on TOO_LARGE.
  const code =
    res.status === 413
      ? 'TOO_LARGE'
      : ((first && CODE_BY_REGISTRY_CODE[first.code]) ?? codeForStatus(res.status));
  const retryable = res.status === 429 || res.status >= 500;
  const said = first
    ? `${first.code}${first.message ? `: ${first.message}` : ''}`
    : `HTTP ${res.status}${plainSnippet(body, res)}`;
  const advice = ADVICE[code];
  const retryAfter = headerValue(res.headers, 'retry-after');
  return new SifportError(code, `${what} failed (${said}).${advice ? ` ${advice}` : ''}`, {
    status: res.status,
    retryable,
    ...(first ? { registryCode: first.code } : {}),
    detail: {
      status: res.status,
      request: describeRequest(method, res.url),
      ...(retryAfter ? { retryAfter } : {}),
    },
  });
}

/**
 * Ends a request that stores content (a PUT): fails with {@link errorFromResponse} unless
 * the status is one of `accepted`, else drains the response and returns the digest the
 * registry says it stored (`Docker-Content-Digest`), for the caller to compare.
 */
export async function expectStored(
  res: HttpResponse,
  what: string,
  accepted: readonly number[],
): Promise<string | undefined> {
  if (!accepted.includes(res.status)) throw await errorFromResponse(res, what, 'PUT');
  await res.discard();
  return headerValue(res.headers, 'docker-content-digest');
}

function plainSnippet(body: string, res: HttpResponse): string {
  const type = headerValue(res.headers, 'content-type') ?? '';
  const text = body.replace(/\s+/g, ' ').trim();
  if (!text || type.includes('html')) return '';
  return ` ${text.slice(0, 200)}`;
}

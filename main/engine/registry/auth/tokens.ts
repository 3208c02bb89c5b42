import { SifportError } from '../../errors.js';
import { registerSecret } from '../../redact.js';
import type { Challenge } from './challenge.js';
import type { Credential } from './credentials.js';
import { isLoopbackHost } from '../transport/hosts.js';
import type { HttpTransport } from '../transport/http.js';
import { scopeStrings, type ScopeSet } from './scopes.js';

/** A bearer token and when to stop using it (epoch ms, already shortened by the margin). */
export interface CachedToken {
  readonly token: string;
  readonly renewAt: number;
}

/** Token cache shared by requests to one registry; keyed by realm, service, scopes and user. */
export interface TokenCache {
  get(key: string): CachedToken | undefined;
  set(key: string, token: CachedToken): void;
  delete(key: string): void;
  clear(): void;
}

/** A plain in-memory {@link TokenCache}: a `Map` already has its four methods. */
export class MemoryTokenCache extends Map<string, CachedToken> implements TokenCache {}

/** Default lifetime when the server gives no `expires_in`, in seconds (oras.md §4.2). */
const DEFAULT_EXPIRES_IN_S = 60;
/** Renew this long before expiry, in ms, capped at half the lifetime (oras.md §4.5). */
const RENEW_MARGIN_MS = 30_000;
const CLIENT_ID = 'sifport';

/** Cache key for a token request. */
export function tokenCacheKey(challenge: Challenge, scopes: ScopeSet, user: string): string {
  return [
    challenge.params.realm,
    challenge.params.service ?? '',
    user,
    ...scopeStrings(scopes),
  ].join('|');
}

interface TokenResponse {
  token?: string;
  access_token?: string;
  expires_in?: number;
  issued_at?: string;
}

/** Input to {@link fetchToken}. */
export interface TokenRequest {
  readonly transport: HttpTransport;
  readonly challenge: Challenge;
  readonly scopes: ScopeSet;
  readonly credential: Credential | undefined;
  readonly registry: string;
  readonly userAgent: string;
  readonly now: () => number;
  readonly signal?: AbortSignal | undefined;
  /** The registry's host name when the user chose plain HTTP for it (`--plain-http`). */
  readonly plainHttpHost?: string | undefined;
}

/**
 * Whether credentials may go to a token realm at `realm`: always over HTTPS; over plain HTTP
 * only to this machine (all of 127/8, ::1, localhost: nothing leaves it), or to the host of a
 * registry the user chose plain HTTP for, which already gets the same credentials that way.
 */
export function realmMayTakeCredentials(realm: URL, plainHttpHost: string | undefined): boolean {
  return (
    realm.protocol === 'https:' || isLoopbackHost(realm.host) || realm.hostname === plainHttpHost
  );
}

function realmUrl(request: TokenRequest): URL {
  const realm = request.challenge.params.realm;
  let url: URL;
  try {
    url = new URL(realm ?? '');
  } catch {
    throw new SifportError(
      'AUTH_REQUIRED',
      `${request.registry} asked for a token but named no valid realm (${realm ?? 'none'}).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SifportError(
      'UNSUPPORTED',
      `${request.registry} names a token realm with the unsupported scheme ${url.protocol}// (${url.host}); only https:// (or http:// on this machine) realms can issue tokens. Ask the registry's administrator to fix its token realm.`,
    );
  }
  if (request.credential && !realmMayTakeCredentials(url, request.plainHttpHost)) {
    throw new SifportError(
      'INSECURE_REFUSED',
      `${request.registry} wants credentials sent to ${url.host} over plain HTTP; refusing. Use an HTTPS token realm.`,
    );
  }
  return url;
}

/** Requests a bearer token (GET, or OAuth2 POST for refresh tokens; oras.md §4.2–§4.3). */
export async function fetchToken(request: TokenRequest): Promise<CachedToken> {
  const url = realmUrl(request);
  const { credential } = request;
  const scopes = scopeStrings(request.scopes);
  if (credential?.kind === 'registry-token') {
    return { token: credential.token, renewAt: Number.MAX_SAFE_INTEGER };
  }
  if (credential?.kind === 'identity-token') {
    return postToken(request, url, {
      grant_type: 'refresh_token',
      refresh_token: credential.token,
    });
  }
  const get = new URL(url);
  if (request.challenge.params.service) {
    get.searchParams.set('service', request.challenge.params.service);
  }
  for (const scope of scopes) get.searchParams.append('scope', scope);
  const headers: Record<string, string> = { 'user-agent': request.userAgent };
  if (credential) {
    get.searchParams.set('account', credential.username);
    headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
  }
  const res = await request.transport.send({
    method: 'GET',
    url: get,
    headers,
    signal: request.signal,
  });
  if ((res.status === 404 || res.status === 405) && credential) {
    await res.discard();
    return postToken(request, url, {
      grant_type: 'password',
      username: credential.username,
      password: credential.password,
    });
  }
  return readTokenResponse(request, res.status, await res.text(1024 * 1024));
}

async function postToken(
  request: TokenRequest,
  url: URL,
  grant: Record<string, string>,
): Promise<CachedToken> {
  const form = new URLSearchParams({
    ...grant,
    service: request.challenge.params.service ?? '',
    client_id: CLIENT_ID,
    scope: scopeStrings(request.scopes).join(' '),
  });
  const res = await request.transport.send({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': request.userAgent,
    },
    body: Buffer.from(form.toString()),
    signal: request.signal,
  });
  return readTokenResponse(request, res.status, await res.text(1024 * 1024));
}

function readTokenResponse(request: TokenRequest, status: number, body: string): CachedToken {
  if (status === 401 || status === 403) {
    throw new SifportError(
      'AUTH_REQUIRED',
      request.credential
        ? `Login to ${request.registry} failed: the token service rejected the credentials. Check them and run \`sifport login ${request.registry}\` again.`
        : `${request.registry} refused an anonymous token. Log in with \`sifport login ${request.registry}\`.`,
      { status },
    );
  }
  if (status !== 200) {
    throw new SifportError(
      status >= 500 ? 'SERVER_ERROR' : 'AUTH_REQUIRED',
      `The token service of ${request.registry} answered HTTP ${status}.`,
      { status, retryable: status >= 500 || status === 429 },
    );
  }
  let parsed: TokenResponse;
  try {
    parsed = JSON.parse(body) as TokenResponse;
  } catch {
    throw new SifportError(
      'AUTH_REQUIRED',
      `The token service of ${request.registry} sent something that is not JSON.`,
    );
  }
  const token = parsed.token ?? parsed.access_token;
  if (typeof token !== 'string' || !token) {
    throw new SifportError(
      'AUTH_REQUIRED',
      `The token service of ${request.registry} sent no token.`,
    );
  }
  registerSecret(token);
  const lifetimeMs =
    (typeof parsed.expires_in === 'number' && parsed.expires_in > 0
      ? parsed.expires_in
      : DEFAULT_EXPIRES_IN_S) * 1000;
  const issued = parsed.issued_at ? Date.parse(parsed.issued_at) : Number.NaN;
  const start = Number.isNaN(issued) ? request.now() : Math.min(issued, request.now());
  const margin = Math.min(RENEW_MARGIN_MS, lifetimeMs / 2);
  return { token, renewAt: start + lifetimeMs - margin };
}

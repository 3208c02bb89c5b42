import { randomBytes, timingSafeEqual } from 'node:crypto';

import { newTokenId, signJwt } from './jwt.js';
import type { JwtSigner } from './jwt.js';
import { authorize, formatScope, parseScope } from './token-scopes.js';
import type { Access, Grant } from './token-scopes.js';

/** An account of the token server. */
export interface TokenUser {
  readonly password: string;
  readonly grants: readonly Grant[];
}

/** Everything that decides which tokens the authority issues. */
export interface TokenAuthorityConfig {
  /** `iss` claim; must equal the registries' `auth.token.issuer`. */
  readonly issuer: string;
  /** Accepted `service` values (each registry's `auth.token.service`); empty accepts any. */
  readonly services: readonly string[];
  readonly signer: JwtSigner;
  /** Token lifetime in seconds; default 300. */
  readonly ttlSeconds?: number;
  readonly users: Readonly<Record<string, TokenUser>>;
  /** What a request without credentials may do. */
  readonly anonymousGrants?: readonly Grant[];
  /** Clock in milliseconds since the epoch, injectable for expiry tests. */
  readonly now?: () => number;
}

/** A token request after HTTP parsing: GET with optional Basic, or an OAuth2 POST grant. */
export type TokenRequest = Readonly<
  { service: string; scopes: readonly string[]; offline: boolean } & (
    | { kind: 'get'; basic?: { readonly username: string; readonly password: string } }
    | { kind: 'password'; username: string; password: string }
    | { kind: 'refresh'; refreshToken: string }
  )
>;

/** The HTTP answer for a token request. */
export interface TokenReply {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * Live counters, so tests can assert that a client caches tokens (a second push to the same
 * repository should not raise `byRepository[name]`).
 */
export interface TokenStats {
  /** Every token request, accepted or not. */
  requests: number;
  issued: number;
  rejected: number;
  byKind: { get: number; password: number; refresh: number };
  /** Issued tokens per subject; anonymous tokens count under `(anonymous)`. */
  byUser: Record<string, number>;
  /** Issued tokens per repository named in the requested scopes. */
  byRepository: Record<string, number>;
}

/** Issues JWTs for the test bed's users; the HTTP layer lives in token-server.ts. */
export interface TokenAuthority {
  handle(request: TokenRequest): TokenReply;
  readonly stats: Readonly<TokenStats>;
  resetStats(): void;
}

function emptyStats(): TokenStats {
  return {
    requests: 0,
    issued: 0,
    rejected: 0,
    byKind: { get: 0, password: 0, refresh: 0 },
    byUser: {},
    byRepository: {},
  };
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function errorReply(status: number, code: string, message: string): TokenReply {
  return { status, body: { errors: [{ code, message }] } };
}

/**
 * Builds the token authority of spec §4.2/§4.3: checks credentials (bad password → 401),
 * intersects requested scopes with the user's grants (never an error), signs a JWT and, on
 * request, hands out an in-memory refresh token bound to the service.
 */
export function createTokenAuthority(config: TokenAuthorityConfig): TokenAuthority {
  const stats = emptyStats();
  const refreshTokens = new Map<string, { user: string; service: string }>();
  const ttl = config.ttlSeconds ?? 300;
  const now = config.now ?? Date.now;

  function login(request: TokenRequest): string | null | TokenReply {
    const check = (username: string, password: string): string | TokenReply => {
      const user = config.users[username];
      if (user === undefined || !sameSecret(user.password, password)) {
        return errorReply(401, 'UNAUTHORIZED', 'invalid username or password');
      }
      return username;
    };
    switch (request.kind) {
      case 'get':
        return request.basic === undefined
          ? null
          : check(request.basic.username, request.basic.password);
      case 'password':
        return check(request.username, request.password);
      case 'refresh': {
        const entry = refreshTokens.get(request.refreshToken);
        if (entry === undefined || entry.service !== request.service) {
          return errorReply(401, 'UNAUTHORIZED', 'invalid refresh token');
        }
        return entry.user;
      }
    }
  }

  function issue(request: TokenRequest, user: string | null): TokenReply {
    const requested = request.scopes
      .map(parseScope)
      .filter((scope): scope is Access => scope !== undefined);
    const grants =
      user === null ? (config.anonymousGrants ?? []) : (config.users[user]?.grants ?? []);
    const access = authorize(requested, grants);
    const issuedAt = Math.floor(now() / 1000);
    const token = signJwt(
      {
        iss: config.issuer,
        sub: user ?? '',
        aud: request.service,
        exp: issuedAt + ttl,
        nbf: issuedAt - 1,
        iat: issuedAt,
        jti: newTokenId(),
        access,
      },
      config.signer,
    );
    const body: Record<string, unknown> = {
      token,
      access_token: token,
      expires_in: ttl,
      issued_at: new Date(issuedAt * 1000).toISOString(),
    };
    if (request.kind !== 'get') body['scope'] = access.map(formatScope).join(' ');
    if (request.offline && user !== null) {
      const refreshToken = randomBytes(24).toString('hex');
      refreshTokens.set(refreshToken, { user, service: request.service });
      body['refresh_token'] = refreshToken;
    }
    stats.issued += 1;
    const subject = user ?? '(anonymous)';
    stats.byUser[subject] = (stats.byUser[subject] ?? 0) + 1;
    for (const name of new Set(
      requested.filter((s) => s.type === 'repository').map((s) => s.name),
    )) {
      stats.byRepository[name] = (stats.byRepository[name] ?? 0) + 1;
    }
    return { status: 200, body };
  }

  return {
    stats,
    resetStats() {
      Object.assign(stats, emptyStats());
    },
    handle(request) {
      stats.requests += 1;
      stats.byKind[request.kind] += 1;
      let reply: TokenReply;
      if (config.services.length > 0 && !config.services.includes(request.service)) {
        reply = errorReply(400, 'UNSUPPORTED', `unknown service: ${request.service}`);
      } else {
        const user = login(request);
        reply = typeof user === 'object' && user !== null ? user : issue(request, user);
      }
      if (reply.status !== 200) stats.rejected += 1;
      return reply;
    },
  };
}

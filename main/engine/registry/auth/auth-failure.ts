import { SifportError } from '../../errors.js';
import type { HttpResponse } from '../transport/http.js';
import { errorFromResponse } from '../transport/response-error.js';
import type { Challenge } from './challenge.js';
import type { Credential } from './credentials.js';
import { mergeScopes } from './scopes.js';

/** The request a 401 answered, as the client describes it. */
export interface RefusedRequest {
  readonly what: string;
  readonly method: string;
  readonly scopes: readonly string[];
}

/**
 * The error for a 401 the client cannot get past: a missing right (`insufficient_scope`), no
 * login at all, or credentials the registry rejected, each saying what to do.
 */
export async function authFailure(
  res: HttpResponse,
  req: RefusedRequest,
  registry: string,
  challenge: Challenge | undefined,
  credential: Credential | undefined,
): Promise<SifportError> {
  const base = await errorFromResponse(res, req.what, req.method);
  if (challenge?.params.error === 'insufficient_scope' && credential) {
    return new SifportError(
      'DENIED',
      `${req.what} was refused: the account has no right to ${describeScopes(req.scopes)} on ${registry}.`,
      { status: 401, detail: base.detail },
    );
  }
  if (!credential) {
    return new SifportError(
      'AUTH_REQUIRED',
      `${req.what} needs a login: run \`sifport login ${registry}\`.`,
      { status: 401, detail: base.detail },
    );
  }
  return new SifportError(
    'AUTH_REQUIRED',
    `${req.what} was refused: ${registry} rejected the credentials. Check them and run \`sifport login ${registry}\` again.`,
    { status: 401, detail: base.detail },
  );
}

/** A token service's 401/403 for the credential we sent (not a missing right). */
export function isRejectedCredential(err: unknown): boolean {
  return (
    err instanceof SifportError &&
    err.code === 'AUTH_REQUIRED' &&
    (err.status === 401 || err.status === 403)
  );
}

function describeScopes(scopes: readonly string[]): string {
  const actions = new Set<string>();
  for (const [, set] of mergeScopes(...scopes)) for (const a of set) actions.add(a);
  return [...actions].join('/') || 'access';
}

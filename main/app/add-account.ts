import type { RequestOf } from '../../shared/contract.js';
import type { AddAccountRequest } from '../engine/accounts/add-account.js';
import { registryHostOf } from '../engine/accounts/providers/providers.js';

type AddRequest = RequestOf<'accounts:add'>;

/**
 * The engine's {@link AddAccountRequest} for an `accounts:add` request (issue #4): the
 * form's fields as they are, the pasted registry reduced to its host, a blank user name
 * left to the provider's default, and the token command's options only when asked for.
 */
export function addAccountRequest(req: AddRequest): AddAccountRequest {
  return {
    provider: req.provider,
    registry: registryHostOf(req.registry),
    namespace: req.namespace,
    username: req.username?.trim() || undefined,
    secret: req.secret,
    secretKind: req.secretKind,
    tokenCommand: req.tokenCommand ? { options: req.tokenCommand } : undefined,
    connection: { caFile: req.caFile, insecure: req.insecure, plainHttp: req.plainHttp },
    skipTest: req.skipTest,
  };
}

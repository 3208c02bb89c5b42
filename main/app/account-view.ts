import type { z } from 'zod';
import type { accountView } from '../../shared/accounts-contract.js';
import type { Account } from '../engine/accounts/account.js';

/** An account as it may cross to the renderer (`accounts:list`). */
export type AccountView = z.infer<typeof accountView>;

/**
 * Copies the fields the renderer may see, one by one: an allow-list, so a field added to
 * `Account` later does not leak by default. Accounts never hold secrets, but the list is
 * the boundary, so it is checked here and by the contract's schema.
 */
export function accountViewOf(a: Account): AccountView {
  return {
    id: a.id,
    provider: a.provider,
    registry: a.registry,
    namespace: a.namespace,
    username: a.username,
    secretKind: a.secretKind,
    source: a.source,
    origin: a.origin,
    createdAt: a.createdAt,
    tokenMintedAt: a.tokenMintedAt,
    tokenExpiresAt: a.tokenExpiresAt,
    tokenLifetimeMs: a.tokenLifetimeMs,
    capabilities: a.capabilities,
    caFile: a.caFile,
    insecure: a.insecure,
    plainHttp: a.plainHttp,
  };
}

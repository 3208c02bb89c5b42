import type { AccountItem } from '../../store/domain.js';

/** How close to its expiry a cloud token is worth a warning, in ms. */
export const TOKEN_WARNING_MS = 15 * 60_000;

/** Cloud accounts whose token expires within `withinMs` (or has expired), soonest first. */
export function expiringTokens(
  accounts: readonly AccountItem[],
  now: number,
  withinMs: number = TOKEN_WARNING_MS,
): AccountItem[] {
  return accounts
    .filter((a) => a.secretKind === 'cloud-command' && a.tokenExpiresAt !== undefined)
    .filter((a) => a.tokenExpiresAt! - now <= withinMs)
    .sort((a, b) => a.tokenExpiresAt! - b.tokenExpiresAt!);
}

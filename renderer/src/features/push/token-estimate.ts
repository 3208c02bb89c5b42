import type { AccountItem } from '../../store/domain.js';

/** The speed a push is assumed to reach when its duration is estimated (UI.md S7). */
const ESTIMATE_BYTES_PER_SECOND = 20_000_000;

/** Seconds a push of `bytes` is assumed to take. */
export function estimatedSeconds(bytes: number): number {
  return Math.max(1, bytes / ESTIMATE_BYTES_PER_SECOND);
}

/** A cloud token that may run out before a push of `bytes` ends: seconds left, else undefined. */
export function tokenShortfall(
  account: AccountItem,
  bytes: number,
  now: number,
): number | undefined {
  if (account.secretKind !== 'cloud-command' || account.tokenExpiresAt === undefined)
    return undefined;
  const left = (account.tokenExpiresAt - now) / 1000;
  return left < estimatedSeconds(bytes) ? Math.max(0, left) : undefined;
}

import type { AccountItem, AccountTest } from '../../store/accounts-slice.js';

/** `3h`, `12m`, `40s`: a coarse duration for token ages and expiries. */
export function shortDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s}s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)}m`;
  if (s < 2 * 86400) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}

/** What kind of secret an account keeps and, for cloud tokens, their age and expiry. */
export function secretState(account: AccountItem, now: number): string {
  if (account.secretKind !== 'cloud-command') {
    return `${account.secretKind}, saved ${shortDuration(now - account.createdAt)} ago`;
  }
  if (account.tokenMintedAt === undefined || account.tokenExpiresAt === undefined) {
    return 'cloud token: not minted yet';
  }
  const age = `minted ${shortDuration(now - account.tokenMintedAt)} ago`;
  const left = account.tokenExpiresAt - now;
  return left > 0
    ? `cloud token: ${age}, expires in ${shortDuration(left)}`
    : `cloud token: ${age}, expired (renewed on next use)`;
}

function yesNo(value: boolean | 'unknown', yes: string, no: string): string {
  return value === 'unknown' ? 'unknown' : value ? yes : no;
}

/** The lines "Test connection" shows for what the registry allows this account. */
export function capabilityLines(test: AccountTest): string[] {
  const c = test.capabilities;
  if (!c) return [];
  return [
    `login accepted (${c.authScheme ?? 'no auth asked'})`,
    `pull: ${c.pull ? 'ok' : 'refused'}`,
    `catalog: ${yesNo(c.catalog, 'allowed', 'not allowed')}`,
    `referrers API: ${yesNo(c.referrers, 'yes', 'no')}`,
    `push (chunked upload): ${yesNo(c.chunkedUpload, 'yes', 'no')}`,
    `tag delete: ${c.tagDelete === 'unknown' ? 'unknown' : c.tagDelete ? 'supported' : 'not supported'}`,
  ];
}

/**
 * Oracle OCIR's user name (oras.md §6): `NAMESPACE/USER`, or for federated (IDCS) users
 * `NAMESPACE/oracleidentitycloudservice/USER`; empty until both parts are typed.
 */
export function ocirUsername(namespace: string, user: string, federated: boolean): string {
  const ns = namespace.trim().replace(/\/+$/, '');
  const name = user.trim();
  if (!ns || !name) return '';
  return federated ? `${ns}/oracleidentitycloudservice/${name}` : `${ns}/${name}`;
}

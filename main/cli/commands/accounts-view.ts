import type { Account, AccountCapabilities } from '../../engine/accounts/account.js';

/** `3h`, `12m`, `40s`: a coarse duration for token ages and expiries. */
export function shortDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s}s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)}m`;
  if (s < 2 * 86400) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}

/** The token column of `accounts list`: age and expiry of a minted token, never the token. */
export function tokenState(account: Account, now: number): string {
  if (account.secretKind !== 'cloud-command') return account.secretKind;
  if (account.tokenMintedAt === undefined || account.tokenExpiresAt === undefined) {
    return 'cloud token: not minted yet';
  }
  const age = `minted ${shortDuration(now - account.tokenMintedAt)} ago`;
  const left = account.tokenExpiresAt - now;
  return left > 0
    ? `cloud token: ${age}, expires in ${shortDuration(left)}`
    : `cloud token: ${age}, expired (renewed on next use)`;
}

/** The lines of `accounts list`: one aligned row per account. */
export function accountRows(accounts: readonly Account[], now: number): string[] {
  const rows = accounts.map((a) => [
    a.id,
    a.provider,
    a.registry,
    a.namespace ?? '*',
    a.username,
    a.source,
    tokenState(a, now),
  ]);
  const header = ['ID', 'PROVIDER', 'REGISTRY', 'NAMESPACE', 'USERNAME', 'SOURCE', 'SECRET'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function yesNo(value: boolean | 'unknown', yes: string, no: string): string {
  return value === 'unknown' ? 'unknown' : value ? yes : no;
}

/** The lines `accounts test` prints for a probe's result. */
export function capabilityLines(c: AccountCapabilities): string[] {
  return [
    `login:          accepted (${c.authScheme ?? 'no auth asked'})`,
    `pull token:     ${c.pull ? 'ok' : 'refused'}`,
    `catalog:        ${yesNo(c.catalog, 'allowed', 'not allowed')}`,
    `referrers API:  ${yesNo(c.referrers, 'yes', 'no')}`,
    `chunked upload: ${yesNo(c.chunkedUpload, 'yes (push allowed)', 'no (push refused)')}`,
    `tag delete:     ${c.tagDelete === 'unknown' ? 'unknown (not probed)' : c.tagDelete ? 'supported' : 'not supported'}`,
  ];
}

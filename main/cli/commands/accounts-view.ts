import { cloudTokenState, yesNo } from '../../../shared/account-text.js';
import type { Account, AccountCapabilities } from '../../engine/accounts/account.js';

/** The token column of `accounts list`: age and expiry of a minted token, never the token. */
export function tokenState(account: Account, now: number): string {
  if (account.secretKind === 'none') return 'none (anonymous)';
  if (account.secretKind !== 'cloud-command') return account.secretKind;
  return cloudTokenState(account.tokenMintedAt, account.tokenExpiresAt, now);
}

/** The lines of `accounts list`: one aligned row per account. */
export function accountRows(accounts: readonly Account[], now: number): string[] {
  const rows = accounts.map((a) => [
    a.id,
    a.provider,
    a.registry,
    a.namespace ?? '*',
    a.username || '-',
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

import { cloudTokenState, shortDuration, yesNo } from '../../../../shared/account-text.js';
import type { AccountItem, AccountTest } from './accounts-slice.js';

/** What kind of secret an account keeps and, for cloud tokens, their age and expiry. */
export function secretState(account: AccountItem, now: number): string {
  if (account.secretKind !== 'cloud-command') {
    return `${account.secretKind}, saved ${shortDuration(now - account.createdAt)} ago`;
  }
  return cloudTokenState(account.tokenMintedAt, account.tokenExpiresAt, now);
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
    `tag delete: ${yesNo(c.tagDelete, 'supported', 'not supported')}`,
  ];
}

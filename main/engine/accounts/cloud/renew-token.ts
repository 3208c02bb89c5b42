import { SifportError } from '../../errors.js';
import type { Account } from '../account.js';
import type { Accounts } from '../accounts.js';

/**
 * "Renew" on a cloud account (UI.md S3/S4): drops the cached token and mints a new one now
 * by running the provider's CLI, so a long push does not start on a token about to expire.
 * Returns the account with its new minted and expiry times. NOT_FOUND without such an
 * account; UNSUPPORTED for accounts with a stored secret, which have nothing to renew.
 */
export async function renewCloudToken(accounts: Accounts, id: string): Promise<Account> {
  const account = await accounts.get(id);
  if (!account) throw new SifportError('NOT_FOUND', `There is no account ${id}.`);
  if (account.secretKind !== 'cloud-command') {
    throw new SifportError(
      'UNSUPPORTED',
      `Account ${id} keeps a stored ${account.secretKind}, not a minted token, so there is nothing to renew: test it, or remove it and add it again with a new secret.`,
    );
  }
  await accounts.cloud.invalidate(id);
  await accounts.credentialFor(account);
  return (await accounts.get(id)) ?? account;
}

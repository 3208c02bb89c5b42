import { SifportError } from '../../errors.js';
import type { Account } from '../account.js';
import type { Accounts } from '../accounts.js';
import { exportDockerConfig } from './config-export.js';

/**
 * The text of a docker-config.json holding these accounts' logins (oras.md §5.1), for
 * `sifport accounts export` and the window's "Export docker-config…": each account under its
 * registry (and namespace), a cloud account with its current minted token. It holds secrets:
 * callers write it only to a file the user chose. An anonymous account has no login to
 * write: UNSUPPORTED, so a file never silently lacks an account the user picked.
 */
export async function exportAccountsConfig(
  accounts: Accounts,
  list: readonly Account[],
): Promise<string> {
  const entries = [];
  for (const account of list) {
    const credential = await accounts.credentialFor(account);
    if (!credential) {
      throw new SifportError(
        'UNSUPPORTED',
        `${account.registry} is used without a login (anonymous account ${account.id}): there is nothing to export; apptainer needs no login for it either.`,
      );
    }
    const registry = account.namespace
      ? `${account.registry}/${account.namespace}`
      : account.registry;
    entries.push({ registry, credential });
  }
  return exportDockerConfig(entries);
}

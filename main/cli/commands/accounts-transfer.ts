import { isAbsolute, resolve } from 'node:path';
import type { Account } from '../../engine/accounts/account.js';
import { writeDockerConfig } from '../../engine/accounts/interop/config-export.js';
import { exportAccountsConfig } from '../../engine/accounts/interop/export-accounts.js';
import { importDockerLogins } from '../../engine/accounts/interop/config-import.js';
import {
  saveImportedLogins,
  type ImportReport,
} from '../../engine/accounts/interop/save-imported.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { CommandContext } from '../command.js';

/**
 * `sifport accounts import [--helpers]`: imports the logins of apptainer, docker and podman
 * (oras.md §5.3) as accounts that remember where they came from. Credential helpers run only
 * with `--helpers`. A login already imported from the same place is replaced, not duplicated.
 */
export async function importAccounts(ctx: CommandContext): Promise<ImportReport> {
  const found = await importDockerLogins({
    env: { ...ctx.io.env },
    home: ctx.io.env['HOME'],
    resolveHelpers: boolFlag(ctx.args, 'helpers'),
  });
  return saveImportedLogins(ctx.accounts, found);
}

/**
 * `sifport accounts export ID --file FILE`: writes one account as a docker-config.json
 * (mode 0600) that apptainer and docker read (oras.md §5.1), so a cluster can use the same
 * login. A cloud account exports its current minted token, valid until it expires. The file
 * is required: the secret is never printed.
 */
export async function exportAccount(ctx: CommandContext, account: Account): Promise<string> {
  const file = stringFlag(ctx.args, 'file');
  if (file === undefined) {
    throw usageError(
      'accounts export writes a file (the secret is never printed): add --file FILE',
    );
  }
  const path = isAbsolute(file) ? file : resolve(ctx.cwd, file);
  await writeDockerConfig(path, await exportAccountsConfig(ctx.accounts, [account]));
  return path;
}

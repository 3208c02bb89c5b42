import type { Credential } from '../../registry/auth/credentials.js';
import type { Account, AccountSource, SecretKind } from '../account.js';
import type { Accounts } from '../accounts.js';
import type { ImportedLogin } from './config-import.js';
import { detectProvider } from '../providers/providers.js';

const SOURCES: Readonly<Record<ImportedLogin['source'], AccountSource>> = {
  apptainer: 'apptainer-config',
  docker: 'docker-config',
  podman: 'containers-auth',
};

/** The account kind and secret of an imported credential (oras.md §5.3 step 3). */
function secretOf(credential: Credential): { kind: SecretKind; username: string; secret: string } {
  switch (credential.kind) {
    case 'basic':
      return { kind: 'password', username: credential.username, secret: credential.password };
    case 'identity-token':
      return {
        kind: 'identity-token',
        username: credential.username ?? '<token>',
        secret: credential.token,
      };
    case 'registry-token':
      return { kind: 'token', username: '<token>', secret: credential.token };
  }
}

/** What an import did with each login found. */
export interface ImportReport {
  readonly imported: Account[];
  /** Logins without a usable secret, and why (helper not run, missing, failed). */
  readonly skipped: Array<{ registry: string; file: string; reason: string }>;
}

/**
 * Saves the logins found in apptainer, docker and podman files (oras.md §5.3) as accounts
 * that remember where they came from (shared by `accounts import` and the app's
 * `accounts:import`). A login already imported from the same place is replaced, not
 * duplicated; helper-backed logins whose helper was not run are reported as skipped.
 */
export async function saveImportedLogins(
  accounts: Accounts,
  found: readonly ImportedLogin[],
  helperHint = 'run again with --helpers',
): Promise<ImportReport> {
  const existing = await accounts.list();
  const report: ImportReport = { imported: [], skipped: [] };
  for (const login of found) {
    if (!login.credential) {
      const reason =
        login.problem ?? `held by docker-credential-${login.helper ?? '?'}: ${helperHint}`;
      report.skipped.push({ registry: login.registry, file: login.file, reason });
      continue;
    }
    const { kind, username, secret } = secretOf(login.credential);
    const source = login.helper ? 'credential-helper' : SOURCES[login.source];
    const origin = login.helper ? `${login.file} (docker-credential-${login.helper})` : login.file;
    for (const old of existing) {
      if (
        old.registry === login.registry &&
        old.namespace === login.namespace &&
        old.origin === origin &&
        old.username === username
      ) {
        await accounts.remove(old.id);
      }
    }
    report.imported.push(
      await accounts.add(
        {
          provider: detectProvider(login.registry).preset.id,
          registry: login.registry,
          namespace: login.namespace,
          username,
          secretKind: kind,
          source,
          origin,
        },
        secret,
      ),
    );
  }
  return report;
}

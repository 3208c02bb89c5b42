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
 * One login an import would save, as the window's preview lists it (UI.md S1 "checkbox
 * preview"): where it is and who it logs in as, never its secret.
 */
export interface FoundLogin {
  /** Names this entry in a later selection: the file and the key as written in it. */
  readonly key: string;
  readonly registry: string;
  readonly namespace?: string | undefined;
  /** Absent when a credential helper holds the login and was not asked. */
  readonly username?: string | undefined;
  readonly source: AccountSource;
  /** The file (and helper) the login is in, as the account will remember it. */
  readonly origin: string;
  /** Why it cannot be imported as it is (helper not asked, missing or failed). */
  readonly problem?: string | undefined;
  /** An account imported from the same place exists: importing again replaces it. */
  readonly alreadyImported: boolean;
}

/** The {@link FoundLogin.key} of a login: stable between a preview and the import after it. */
export function foundLoginKey(login: ImportedLogin): string {
  const name = login.key ?? `${login.registry}${login.namespace ? `/${login.namespace}` : ''}`;
  return `${login.file}#${name}`;
}

function originOf(login: ImportedLogin): string {
  return login.helper ? `${login.file} (docker-credential-${login.helper})` : login.file;
}

function problemOf(login: ImportedLogin, helperHint: string): string | undefined {
  if (login.credential) return undefined;
  return login.problem ?? `held by docker-credential-${login.helper ?? '?'}: ${helperHint}`;
}

/** The user name an imported login is saved under. */
function usernameOf(login: ImportedLogin): string | undefined {
  return login.credential ? secretOf(login.credential).username : login.username;
}

/** True when `old` is the account an earlier import of `login` saved. */
function sameImport(old: Account, login: ImportedLogin): boolean {
  return (
    old.registry === login.registry &&
    old.namespace === login.namespace &&
    old.origin === originOf(login) &&
    old.username === usernameOf(login)
  );
}

/**
 * What an import would do, saving nothing (the window's preview): each login found with its
 * key, user and file, why it cannot be imported yet, and whether it was imported before.
 */
export async function previewImportedLogins(
  accounts: Accounts,
  found: readonly ImportedLogin[],
  helperHint = 'run again with --helpers',
): Promise<FoundLogin[]> {
  const existing = await accounts.list();
  return found.map((login) => ({
    key: foundLoginKey(login),
    registry: login.registry,
    namespace: login.namespace,
    username: usernameOf(login),
    source: login.helper ? 'credential-helper' : SOURCES[login.source],
    origin: originOf(login),
    problem: problemOf(login, helperHint),
    alreadyImported: existing.some((old) => sameImport(old, login)),
  }));
}

/**
 * Saves the logins found in apptainer, docker and podman files (oras.md §5.3) as accounts
 * that remember where they came from (shared by `accounts import` and the app's
 * `accounts:import`). A login already imported from the same place is replaced, not
 * duplicated; helper-backed logins whose helper was not run are reported as skipped. With
 * `select` (keys of {@link previewImportedLogins}) only those are saved, and a chosen key
 * that is no longer found is reported as skipped.
 */
export async function saveImportedLogins(
  accounts: Accounts,
  found: readonly ImportedLogin[],
  helperHint = 'run again with --helpers',
  select?: ReadonlySet<string>,
): Promise<ImportReport> {
  const existing = await accounts.list();
  const report: ImportReport = { imported: [], skipped: [] };
  const chosen = select ? found.filter((login) => select.has(foundLoginKey(login))) : found;
  if (select) {
    const present = new Set(found.map(foundLoginKey));
    for (const key of select) {
      if (present.has(key)) continue;
      const file = key.slice(0, key.lastIndexOf('#'));
      const registry = key.slice(key.lastIndexOf('#') + 1);
      report.skipped.push({ registry, file, reason: 'no longer in the file; look again' });
    }
  }
  for (const login of chosen) {
    const problem = problemOf(login, helperHint);
    if (problem !== undefined || !login.credential) {
      report.skipped.push({ registry: login.registry, file: login.file, reason: problem ?? '' });
      continue;
    }
    const { kind, username, secret } = secretOf(login.credential);
    for (const old of existing) {
      if (sameImport(old, login)) await accounts.remove(old.id);
    }
    report.imported.push(
      await accounts.add(
        {
          provider: detectProvider(login.registry).preset.id,
          registry: login.registry,
          namespace: login.namespace,
          username,
          secretKind: kind,
          source: login.helper ? 'credential-helper' : SOURCES[login.source],
          origin: originOf(login),
        },
        secret,
      ),
    );
  }
  return report;
}

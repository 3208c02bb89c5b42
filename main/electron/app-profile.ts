import { app } from 'electron';
import { importDockerLogins } from '../engine/accounts/interop/config-import.js';
import { Accounts } from '../engine/accounts/accounts.js';
import {
  FileAccountStore,
  MemoryAccountStore,
  type AccountStore,
} from '../engine/accounts/stores/account-store.js';
import { profilePaths } from '../engine/profile/profile-layout.js';
import { proxySettingsFromEnv } from '../engine/registry/transport/proxy/settings.js';
import type { AppProfile } from '../app/services.js';
import { createSecretStore } from './secret-store.js';
import { systemProxy } from './system-proxy.js';

/**
 * The desktop app's profile in `userData` (issue #4): secrets in the safeStorage-backed
 * store when the OS keychain protects it, else in memory for this session. Account metadata
 * follows the secrets: kept in `accounts.json` only when the secrets persist too, so a
 * restart never shows accounts whose secrets are gone. Weak (`basic_text`) storage is used
 * only after the user opted in, for now with `SIFPORT_ALLOW_WEAK_SECRETS=1`.
 */
export async function openDesktopProfile(
  env: NodeJS.ProcessEnv = process.env,
): Promise<AppProfile> {
  const paths = profilePaths(app.getPath('userData'));
  const onWarning = (message: string): void => console.warn(`sifport: ${message}`);
  const { store: secrets, decision } = await createSecretStore({
    allowWeakStorage: env['SIFPORT_ALLOW_WEAK_SECRETS'] === '1',
  });
  const store: AccountStore =
    decision.mode === 'persistent'
      ? new FileAccountStore(paths.accounts, { onWarning })
      : new MemoryAccountStore();
  return {
    paths,
    accounts: new Accounts({ store, secrets }),
    storage: decision,
    findLogins: (helpers) =>
      importDockerLogins({ env: { ...env }, home: env['HOME'], resolveHelpers: helpers }),
    version: app.getVersion(),
    userAgent: `sifport/${app.getVersion()}`,
    proxy: { ...proxySettingsFromEnv(env), systemProxy },
    onWarning,
  };
}

import { importDockerLogins } from '../engine/accounts/interop/config-import.js';
import type { SecretStorageDecision } from '../engine/accounts/stores/storage-backend.js';
import { openProfileAccounts } from '../engine/profile/profile-accounts.js';
import { profilePaths } from '../engine/profile/profile-layout.js';
import { proxySettingsFromEnv } from '../engine/registry/transport/proxy/settings.js';
import type { AppProfile } from './services.js';

/** How the CLI's profile keeps secrets, said honestly on the accounts screen. */
export function fileSecretsDecision(secretsFile: string): SecretStorageDecision {
  return {
    mode: 'persistent',
    protection: 'weak',
    backend: 'file readable only by you (0600)',
    explanation: `Logins are kept as the sifport CLI keeps them: in ${secretsFile}, readable only by your user account, not encrypted.`,
  };
}

/**
 * The CLI's profile (`--config-dir`, `SIFPORT_CONFIG_DIR`, or the default configuration
 * directory) as the window's services use it: the browser mode opens this one, so the CLI
 * and the window share accounts, keys, settings and history.
 */
export function openCliProfile(
  configDir: string,
  env: NodeJS.ProcessEnv,
  options: {
    readonly version: string;
    readonly userAgent: string;
    readonly onWarning: (message: string) => void;
  },
): AppProfile {
  const paths = profilePaths(configDir);
  const { accounts } = openProfileAccounts(paths, { env, onWarning: options.onWarning });
  return {
    paths,
    accounts,
    storage: fileSecretsDecision(paths.secrets),
    findLogins: (helpers) =>
      importDockerLogins({ env: { ...env }, home: env['HOME'], resolveHelpers: helpers }),
    version: options.version,
    userAgent: options.userAgent,
    proxy: proxySettingsFromEnv(env),
    onWarning: options.onWarning,
  };
}

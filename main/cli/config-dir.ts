import { homedir } from 'node:os';
import { isAbsolute, posix, resolve, win32 } from 'node:path';
import { PROFILE_FILES } from '../engine/profile/profile-layout.js';

/** Environment variable naming the configuration directory (overridden by `--config-dir`). */
export const CONFIG_DIR_ENV = 'SIFPORT_CONFIG_DIR';

/** Files inside the configuration directory: the profile layout every front end shares. */
export const CONFIG_FILES = PROFILE_FILES;

/**
 * The per-user configuration directory: `$XDG_CONFIG_HOME/sifport` or `~/.config/sifport`
 * on Linux and other Unixes, `~/Library/Application Support/sifport` on macOS,
 * `%APPDATA%\sifport` on Windows.
 */
export function defaultConfigDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = env['HOME'] || homedir(),
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'] || win32.join(env['USERPROFILE'] || home, 'AppData', 'Roaming');
    return win32.join(appData, 'sifport');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'sifport');
  const xdg = env['XDG_CONFIG_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return posix.join(xdg, 'sifport');
  return posix.join(home, '.config', 'sifport');
}

/** `--config-dir`, else `$SIFPORT_CONFIG_DIR`, else {@link defaultConfigDir}; made absolute. */
export function resolveConfigDir(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  const chosen = flag || env[CONFIG_DIR_ENV] || defaultConfigDir(env);
  return resolve(cwd, chosen);
}

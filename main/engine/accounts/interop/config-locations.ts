import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where to look: the environment and home directory to resolve config paths against. Tests
 * pass both so that they never touch the real `~/.docker` or `~/.apptainer`.
 */
export interface ConfigLocationOptions {
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly home?: string | undefined;
}

function resolved(options: ConfigLocationOptions): { env: NodeJS.ProcessEnv; home: string } {
  return { env: options.env ?? process.env, home: options.home ?? homedir() };
}

/** Docker's `config.json` (oras.md §5.2): `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigFile(options: ConfigLocationOptions = {}): string {
  const { env, home } = resolved(options);
  return join(env['DOCKER_CONFIG'] || join(home, '.docker'), 'config.json');
}

/**
 * Apptainer's registry login file (oras.md §5.1): `$APPTAINER_CONFIGDIR/docker-config.json`
 * (apptainer also honours the legacy `SINGULARITY_CONFIGDIR`), else
 * `~/.apptainer/docker-config.json`.
 */
export function apptainerConfigFile(options: ConfigLocationOptions = {}): string {
  const { env, home } = resolved(options);
  const dir =
    env['APPTAINER_CONFIGDIR'] || env['SINGULARITY_CONFIGDIR'] || join(home, '.apptainer');
  return join(dir, 'docker-config.json');
}

/**
 * SingularityCE's old login file `~/.singularity/docker-config.json` (oras.md §5.1): read for
 * import only, never written.
 */
export function legacySingularityConfigFile(options: ConfigLocationOptions = {}): string {
  return join(resolved(options).home, '.singularity', 'docker-config.json');
}

/**
 * Podman/skopeo/buildah `auth.json` files in containers/image's search order (oras.md §5.2):
 * `$REGISTRY_AUTH_FILE` (which replaces the primary file) or
 * `$XDG_RUNTIME_DIR/containers/auth.json`, then `${XDG_CONFIG_HOME:-~/.config}/containers/auth.json`.
 */
export function podmanAuthFiles(options: ConfigLocationOptions = {}): string[] {
  const { env, home } = resolved(options);
  const files: string[] = [];
  if (env['REGISTRY_AUTH_FILE']) files.push(env['REGISTRY_AUTH_FILE']);
  else if (env['XDG_RUNTIME_DIR'])
    files.push(join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'));
  const configHome = env['XDG_CONFIG_HOME'] || join(home, '.config');
  files.push(join(configHome, 'containers', 'auth.json'));
  return [...new Set(files)];
}

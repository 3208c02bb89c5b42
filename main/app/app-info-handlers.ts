import { importSourceFiles } from '../engine/accounts/interop/config-import.js';
import { describeProxy } from '../engine/registry/transport/proxy/describe.js';
import type { ProxySettings } from '../engine/registry/transport/proxy/settings.js';
import type { Handlers } from './dispatch.js';

/** What `app:info` reports: the host's own facts, gathered by the composition root. */
export interface AppInfoDeps {
  readonly version: string;
  readonly platform: string;
  readonly profileDir: string;
  /** The proxy settings the registry clients were built with. */
  readonly proxy: ProxySettings;
  /** The environment the import and the TLS stack read (DOCKER_CONFIG, NODE_EXTRA_CA_CERTS…). */
  readonly env: NodeJS.ProcessEnv;
  /** The home folder import paths are resolved against (the user's, unless a test says). */
  readonly home?: string | undefined;
}

/**
 * `app:info` for Settings (UI.md S13): read only, and nothing secret in it: proxy URLs lose
 * their user names and passwords before they leave the host.
 */
export function createAppInfoHandlers(info: AppInfoDeps): Pick<Handlers, 'app:info'> {
  return {
    'app:info': async () => {
      const extraCaFile = info.env['NODE_EXTRA_CA_CERTS'];
      return {
        version: info.version,
        platform: info.platform,
        profileDir: info.profileDir,
        proxy: describeProxy(info.proxy),
        ...(extraCaFile ? { extraCaFile } : {}),
        importSources: importSourceFiles({ env: info.env, home: info.home }),
      };
    },
  };
}

import { resolve } from 'node:path';
import { isSifportError } from '../../errors.js';
import type { Credential } from '../../registry/auth/credentials.js';
import { normalizeRegistry } from '../../registry/reference.js';
import {
  apptainerConfigFile,
  dockerConfigFile,
  legacySingularityConfigFile,
  podmanAuthFiles,
} from './config-locations.js';
import type { ConfigLocationOptions } from './config-locations.js';
import { helperGet } from './credential-helpers.js';
import type { CredentialHelperOptions } from './credential-helpers.js';
import {
  helperFor,
  normalizeConfigKey,
  readDockerConfig,
  splitConfigKey,
} from './docker-config.js';
import type { DockerConfig } from './docker-config.js';

/**
 * A login found in another tool's config file (issue #4, oras.md §5.3), with where it came
 * from. `credential` is absent for helper-backed logins unless the helper was run.
 */
export interface ImportedLogin {
  /** Registry host, `docker.io` for Docker Hub. */
  registry: string;
  /** Path below the registry the login is scoped to (auth.json `quay.io/org` keys). */
  namespace?: string;
  username?: string;
  credential?: Credential;
  /** The `docker-credential-<helper>` that holds the secret. */
  helper?: string;
  source: 'apptainer' | 'docker' | 'podman';
  /** Absolute path of the file the login was found in. */
  file: string;
  /** The key exactly as written in the file: what to hand the helper's `get` later. */
  key?: string;
  /** Why a helper-backed login has no credential (helper missing, failed, had none). */
  problem?: string;
}

/** Options of {@link importDockerLogins}. */
export interface ImportOptions extends ConfigLocationOptions, CredentialHelperOptions {
  /** Run credential helpers to fetch secrets (only with the user's consent, §5.3 step 3). */
  readonly resolveHelpers?: boolean | undefined;
}

/** Options of {@link credentialFromConfigs}. */
export type LookupOptions = ConfigLocationOptions & CredentialHelperOptions;

type Source = ImportedLogin['source'];

/**
 * The files logins are imported from, in §5.3 order, without duplicates (also what the
 * window's Settings lists as import sources).
 */
export function importSourceFiles(
  options: ConfigLocationOptions = {},
): { source: Source; file: string }[] {
  const all: { source: Source; file: string }[] = [
    { source: 'apptainer', file: apptainerConfigFile(options) },
    { source: 'apptainer', file: legacySingularityConfigFile(options) },
    { source: 'docker', file: dockerConfigFile(options) },
    ...podmanAuthFiles(options).map((file) => ({ source: 'podman' as const, file })),
  ];
  const seen = new Set<string>();
  return all
    .map((f) => ({ ...f, file: resolve(f.file) }))
    .filter((f) => !seen.has(f.file) && seen.add(f.file));
}

/** The logins one config file holds (§5.3 steps 2 and 4), before helpers run. */
function loginsIn(config: DockerConfig, source: Source): ImportedLogin[] {
  const out: ImportedLogin[] = [];
  const covered = new Set<string>();
  for (const entry of config.auths) {
    covered.add(entry.normalizedKey);
    const helper = helperFor(config, entry.normalizedKey);
    const login: ImportedLogin = {
      ...splitConfigKey(entry.normalizedKey),
      source,
      file: config.file,
      key: entry.key,
    };
    if (entry.username !== undefined) login.username = entry.username;
    if (helper) login.helper = helper;
    else if (entry.credential) login.credential = entry.credential;
    else continue;
    out.push(login);
  }
  for (const { key, helper } of config.credHelpers) {
    const normalizedKey = normalizeConfigKey(key);
    if (covered.has(normalizedKey)) continue;
    covered.add(normalizedKey);
    out.push({ ...splitConfigKey(normalizedKey), helper, source, file: config.file, key });
  }
  return out;
}

/** Runs the helper of each helper-backed login once per (helper, key); failures become `problem`. */
async function resolveHelpers(logins: ImportedLogin[], options: ImportOptions): Promise<void> {
  const cache = new Map<string, Promise<Credential | undefined>>();
  for (const login of logins) {
    if (!login.helper || login.key === undefined) continue;
    const id = `${login.helper}\n${login.key}`;
    let pending = cache.get(id);
    if (!pending) {
      pending = helperGet(login.helper, login.key, options);
      cache.set(id, pending);
    }
    try {
      const credential = await pending;
      if (credential) {
        login.credential = credential;
        if (credential.kind !== 'registry-token' && credential.username !== undefined) {
          login.username = credential.username;
        }
      } else {
        login.problem = `${login.helper} holds no credentials for ${login.key}.`;
      }
    } catch (err) {
      if (!isSifportError(err)) throw err;
      login.problem = err.message;
    }
  }
}

/**
 * Imports the logins of apptainer, docker and podman (oras.md §5.3), in that order, each
 * with its provenance. Helpers run only when `resolveHelpers` is true; otherwise helper-backed
 * logins report `helper` without a credential. Missing files are skipped; a malformed file
 * is a `CONFIG_INVALID` error naming it.
 */
export async function importDockerLogins(options: ImportOptions = {}): Promise<ImportedLogin[]> {
  const logins: ImportedLogin[] = [];
  for (const { source, file } of importSourceFiles(options)) {
    const config = await readDockerConfig(file);
    if (config) logins.push(...loginsIn(config, source));
  }
  if (options.resolveHelpers) await resolveHelpers(logins, options);
  return logins;
}

/** The key a helper was most likely given at login for `normalizedKey` (docker's conventions). */
function serverUrlFor(config: DockerConfig, normalizedKey: string): string {
  const entry = config.auths.find((a) => a.normalizedKey === normalizedKey);
  if (entry) return entry.key;
  const helperKey = config.credHelpers.find((h) => normalizeConfigKey(h.key) === normalizedKey);
  if (helperKey) return helperKey.key;
  if (normalizedKey === 'docker.io') return 'https://index.docker.io/v1/';
  return normalizedKey.startsWith('docker.io/')
    ? `index.docker.io${normalizedKey.slice(9)}`
    : normalizedKey;
}

/** The secret for one key: the key's helper if it has one, else the `auths` entry (docker/cli). */
async function lookupKey(
  config: DockerConfig,
  normalizedKey: string,
  helper: string | undefined,
  options: LookupOptions,
): Promise<Credential | undefined> {
  if (helper) return helperGet(helper, serverUrlFor(config, normalizedKey), options);
  return config.auths.find((a) => a.normalizedKey === normalizedKey)?.credential;
}

/** Apptainer 1.3+ (§5.1): per key, `credHelpers` > `credsStore` > `auths`. */
async function lookupApptainerStyle(
  config: DockerConfig,
  keys: readonly string[],
  options: LookupOptions,
): Promise<Credential | undefined> {
  for (const key of keys) {
    const credential = await lookupKey(config, key, helperFor(config, key), options);
    if (credential) return credential;
  }
  return undefined;
}

/** containers/image: the registry's `credHelpers` entry, else `auths` from the longest key down. */
async function lookupPodmanStyle(
  config: DockerConfig,
  registry: string,
  keys: readonly string[],
  options: LookupOptions,
): Promise<Credential | undefined> {
  const helper = config.credHelpers.find((h) => normalizeConfigKey(h.key) === registry)?.helper;
  if (helper) return lookupKey(config, registry, helper, options);
  for (const key of keys) {
    const credential = await lookupKey(config, key, undefined, options);
    if (credential) return credential;
  }
  return undefined;
}

/**
 * The CLI's fallback when it has no login of its own (issue #4), in apptainer 1.3+'s order
 * (oras.md §5.1): apptainer's `docker-config.json`, or docker's `config.json` when that file
 * does not exist; key = `registry/repository` first, then the registry (Docker Hub mapped);
 * `credHelpers` > `credsStore` > `auths`. Podman's `auth.json` files come last, searched by
 * namespace from the longest prefix down. Unlike apptainer, docker's file is found through
 * `DOCKER_CONFIG`. A configured helper that is missing or fails is an error, as in docker.
 */
export async function credentialFromConfigs(
  registry: string,
  repository: string | undefined,
  options: LookupOptions = {},
): Promise<Credential | undefined> {
  const host = normalizeRegistry(normalizeConfigKey(registry));
  const path = repository?.replace(/^\/+|\/+$/g, '') || undefined;
  const keys = path ? [`${host}/${path}`, host] : [host];
  const primary =
    (await readDockerConfig(apptainerConfigFile(options))) ??
    (await readDockerConfig(dockerConfigFile(options)));
  if (primary) {
    const credential = await lookupApptainerStyle(primary, keys, options);
    if (credential) return credential;
  }
  const parts = path ? path.split('/') : [];
  const podmanKeys = parts.map((_, i) => `${host}/${parts.slice(0, parts.length - i).join('/')}`);
  podmanKeys.push(host);
  for (const file of podmanAuthFiles(options)) {
    const config = await readDockerConfig(file);
    if (!config) continue;
    const credential = await lookupPodmanStyle(config, host, podmanKeys, options);
    if (credential) return credential;
  }
  return undefined;
}

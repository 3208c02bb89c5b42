import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SifportError } from '../../errors.js';
import type { Credential } from '../../registry/auth/credentials.js';
import { normalizeConfigKey } from './docker-config.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, hasPosixModes } from '../stores/private-file.js';

/** The key docker and apptainer use for Docker Hub logins (oras.md §5.1, §6). */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

/** The `auths` key apptainer looks up for `registry` (`host[:port][/namespace]`), §5.1. */
export function exportKey(registry: string): string {
  const key = normalizeConfigKey(registry);
  if (key === 'docker.io') return DOCKER_HUB_CONFIG_KEY;
  return key.startsWith('docker.io/') ? `index.docker.io${key.slice('docker.io'.length)}` : key;
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** One `auths` value in docker/cli's encoding (`auth` holds `user:` beside an identity token). */
function authValue(credential: Credential): Record<string, string> {
  switch (credential.kind) {
    case 'basic':
      return { auth: base64(`${credential.username}:${credential.password}`) };
    case 'identity-token':
      return credential.username
        ? { auth: base64(`${credential.username}:`), identitytoken: credential.token }
        : { identitytoken: credential.token };
    case 'registry-token':
      return { registrytoken: credential.token };
  }
}

/**
 * A docker-config.json holding the given logins, as apptainer (§5.1) and docker (§5.2) read
 * it: Docker Hub under `https://index.docker.io/v1/`, a basic login as `auth`, an identity
 * token as `identitytoken`, a registry token as `registrytoken`. Two logins for the same key
 * are a `USAGE` error: the format holds one login per key.
 */
export function exportDockerConfig(
  entries: ReadonlyArray<{ registry: string; credential: Credential }>,
): string {
  const auths: Record<string, Record<string, string>> = {};
  for (const { registry, credential } of entries) {
    const key = exportKey(registry);
    if (key in auths) {
      throw new SifportError(
        'USAGE',
        `Two logins for ${registry}: a docker-config.json holds one login per registry; export them to separate files.`,
      );
    }
    auths[key] = authValue(credential);
  }
  return `${JSON.stringify({ auths }, null, 2)}\n`;
}

/**
 * Writes a config made by {@link exportDockerConfig} to `path` atomically with mode 0600
 * (a temporary file beside it, created 0600, flushed, renamed). Missing directories are
 * created 0700. Unlike private-file.ts's `writePrivateFileAtomic`, an existing directory
 * keeps its permissions: the user may export into any folder (even their home).
 */
export async function writeDockerConfig(path: string, json: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
    const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(json, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (hasPosixModes()) await chmod(temp, PRIVATE_FILE_MODE);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SifportError('FILE_ERROR', `Cannot write ${path}: ${code}.`, { cause: err });
  }
}

import { readFile } from 'node:fs/promises';
import { SifportError } from '../../errors.js';
import { registerBasicCredential, registerSecret } from '../../redact.js';
import type { Credential } from '../../registry/auth/credentials.js';
import { normalizeRegistry } from '../../registry/reference.js';

/** One `auths` member of a docker-style config file, decoded (oras.md §5.2). */
export interface DockerAuthEntry {
  /** The key exactly as written in the file, e.g. `https://index.docker.io/v1/`. */
  readonly key: string;
  /** The key normalised by {@link normalizeConfigKey}, e.g. `docker.io` or `quay.io/org`. */
  readonly normalizedKey: string;
  /** User name from `auth` or `username`, when the entry holds one. */
  readonly username?: string | undefined;
  /** The secret the entry holds itself; absent for `{}` markers of a credential helper. */
  readonly credential?: Credential | undefined;
}

/** The members of docker's `config.json` (and podman's `auth.json`) that hold logins (§5.2). */
export interface DockerConfig {
  /** The file it was read from, for provenance and error messages. */
  readonly file: string;
  readonly auths: readonly DockerAuthEntry[];
  /** Default helper suffix (`desktop`, `osxkeychain`, …), when set. */
  readonly credsStore?: string | undefined;
  /** Per-registry helpers keyed by the raw key as written (`credHelpers`). */
  readonly credHelpers: ReadonlyArray<{ readonly key: string; readonly helper: string }>;
}

/**
 * Normalises a config key as oras.md §5.3 step 2 says: strip the scheme and a trailing
 * `/v1/` or `/v2/`, map Docker Hub aliases to `docker.io`, keep the port and any path.
 * `https://index.docker.io/v1/` → `docker.io`; `http://127.0.0.1:5000/v2/` → `127.0.0.1:5000`.
 */
export function normalizeConfigKey(key: string): string {
  let rest = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  rest = rest
    .replace(/\/+$/, '')
    .replace(/\/v[12]$/, '')
    .replace(/\/+$/, '');
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  return `${normalizeRegistry(host)}${path}`;
}

/** Splits a normalised key into the registry host and the namespace below it, if any. */
export function splitConfigKey(normalizedKey: string): { registry: string; namespace?: string } {
  const slash = normalizedKey.indexOf('/');
  if (slash < 0) return { registry: normalizedKey };
  return { registry: normalizedKey.slice(0, slash), namespace: normalizedKey.slice(slash + 1) };
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Decodes `auth` (base64 `user:password`, split at the FIRST colon, as docker does). */
function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const compact = auth.replace(/\s+/g, '');
  if (!BASE64_RE.test(compact)) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  registerSecret(auth);
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Decodes one `auths` value (§5.2). Precedence follows go-containerregistry, which apptainer
 * uses: `registrytoken`, then `identitytoken`, then `auth` / `username`+`password`.
 * Junk (wrong types, bad base64) yields no credential rather than an error.
 */
export function decodeAuthEntry(value: unknown): Pick<DockerAuthEntry, 'username' | 'credential'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const auth = text(v['auth']) === undefined ? undefined : decodeAuth(v['auth'] as string);
  const username = auth?.username || text(v['username']);
  const password = auth?.password ?? text(v['password']);
  const registryToken = text(v['registrytoken']);
  const identityToken = text(v['identitytoken']);
  if (registryToken) {
    registerSecret(registryToken);
    return { username, credential: { kind: 'registry-token', token: registryToken } };
  }
  if (identityToken) {
    registerSecret(identityToken);
    const credential: Credential = username
      ? { kind: 'identity-token', username, token: identityToken }
      : { kind: 'identity-token', token: identityToken };
    return { username, credential };
  }
  if (username !== undefined && password !== undefined) {
    registerBasicCredential(username, password);
    return { username, credential: { kind: 'basic', username, password } };
  }
  return { username };
}

/** The `line L, column C` of a JSON.parse failure, never the text around it (it may be a secret). */
function jsonPosition(err: unknown, source: string): string {
  const match = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!match) return '';
  const before = source.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

/**
 * Parses docker's `config.json` format (docker/cli `configfile`, oras.md §5.2), which
 * apptainer's `docker-config.json` and podman's `auth.json` share. Tolerant of junk members;
 * malformed JSON is a `CONFIG_INVALID` error that names `file` and never quotes its content.
 */
export function parseDockerConfig(source: string, file: string): DockerConfig {
  if (source.trim() === '') return { file, auths: [], credHelpers: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (err) {
    throw new SifportError(
      'CONFIG_INVALID',
      `${file} is not valid JSON${jsonPosition(err, source)}. Fix the file or move it aside.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SifportError('CONFIG_INVALID', `${file} does not hold a JSON object.`);
  }
  const root = parsed as Record<string, unknown>;
  const auths: DockerAuthEntry[] = [];
  const rawAuths = root['auths'];
  if (typeof rawAuths === 'object' && rawAuths !== null && !Array.isArray(rawAuths)) {
    for (const [key, value] of Object.entries(rawAuths)) {
      if (!key.trim()) continue;
      auths.push({ key, normalizedKey: normalizeConfigKey(key), ...decodeAuthEntry(value) });
    }
  }
  const credHelpers: { key: string; helper: string }[] = [];
  const rawHelpers = root['credHelpers'];
  if (typeof rawHelpers === 'object' && rawHelpers !== null && !Array.isArray(rawHelpers)) {
    for (const [key, helper] of Object.entries(rawHelpers)) {
      if (key.trim() && text(helper)) credHelpers.push({ key, helper: helper as string });
    }
  }
  return { file, auths, credsStore: text(root['credsStore']), credHelpers };
}

/**
 * Reads and parses a docker-style config file; resolves undefined when it does not exist.
 * Other read failures (permissions, a directory) are `FILE_ERROR`s naming the file.
 */
export async function readDockerConfig(file: string): Promise<DockerConfig | undefined> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new SifportError('FILE_ERROR', `Cannot read ${file}: ${code ?? 'unknown error'}.`);
  }
  return parseDockerConfig(source, file);
}

/** The helper that `config` assigns to `normalizedKey`: `credHelpers` first, then `credsStore`. */
export function helperFor(config: DockerConfig, normalizedKey: string): string | undefined {
  const specific = config.credHelpers.find((h) => normalizeConfigKey(h.key) === normalizedKey);
  return specific?.helper ?? config.credsStore;
}

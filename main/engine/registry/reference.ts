import { SifportError } from '../errors.js';
import { registerSecret } from '../redact.js';

/** A parsed `oras://HOST[:PORT]/PATH[:TAG][@sha256:HEX]` reference (spec oras.md §2). */
export interface Reference {
  /** Registry as the user would name it: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  readonly registry: string;
  /** Repository path below the registry, e.g. `library/alpine`. */
  readonly repository: string;
  /** Tag, when one was given or defaulted (`latest` when neither tag nor digest was given). */
  readonly tag: string | undefined;
  /** `sha256:<64 hex>` when given. */
  readonly digest: string | undefined;
}

/** Host that Docker Hub references resolve to for API calls. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

const NAME_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const REPOSITORY_RE = new RegExp(`^${NAME_COMPONENT}(?:/${NAME_COMPONENT})*$`);
const TAG_RE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
const HOST_RE = /^(?:\[[0-9a-fA-F:]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?)(?::[0-9]{1,5})?$/;
const MAX_NAME_LENGTH = 255;

/** True for `host[:port]` with a well-formed host and, when present, a port in 1–65535. */
function isHostPort(hostPort: string): boolean {
  if (!HOST_RE.test(hostPort)) return false;
  const port = /:(\d+)$/.exec(hostPort)?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

function invalid(input: string, why: string): SifportError {
  return new SifportError('REFERENCE_INVALID', `Invalid reference "${input}": ${why}.`);
}

/** Strips `oras://` (and a leading `//`), as apptainer does. */
function stripScheme(input: string): string {
  let rest = input.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'oras') {
      throw invalid(input, `the scheme must be oras:// (got ${scheme[1]}://)`);
    }
    rest = rest.slice(scheme[0].length);
  }
  return rest.replace(/^\/\//, '');
}

/**
 * Refuses `user:password@host/…` (issue #10 item 13): a password on the command line ends up
 * in shell history and process listings, and the registry would never see it anyway. The
 * message shows the reference without its user part, and the password is registered as a
 * secret so no later line can print it.
 */
function refuseCredentials(rest: string): void {
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const at = authority.lastIndexOf('@');
  // `name@sha256:…` without a slash is a Docker Hub image by digest, not a user part.
  if (at < 0 || (slash < 0 && !authority.slice(0, at).includes(':'))) return;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon >= 0) registerSecret(userinfo.slice(colon + 1));
  const host = authority.slice(at + 1);
  const shown = `oras://${host}${slash < 0 ? '' : rest.slice(slash)}`;
  throw new SifportError(
    'REFERENCE_INVALID',
    `Invalid reference "${shown}": credentials in a reference are refused (they would be kept in shell history and logs). Log in with \`sifport login ${host}\` or add an account, then use the reference without "user:password@".`,
  );
}

/** True when the first path component names a registry rather than a Docker Hub namespace. */
function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Maps Docker Hub aliases to `docker.io`; lower-cases the host part. */
export function normalizeRegistry(registry: string): string {
  const lower = registry.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? 'docker.io' : lower;
}

/**
 * Parses a SIF reference. With `requireTagOrDigest` false a missing tag defaults to
 * `latest`, as apptainer does.
 */
export function parseReference(input: string): Reference {
  if (!input.trim()) throw invalid(input, 'it is empty');
  let rest = stripScheme(input);
  refuseCredentials(rest);
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) {
      throw invalid(input, 'a digest must be sha256: followed by 64 lower-case hex digits');
    }
  }
  const slash = rest.indexOf('/');
  let registry: string;
  let path: string;
  const first = slash < 0 ? rest : rest.slice(0, slash);
  if (slash >= 0 && looksLikeHost(first)) {
    registry = normalizeRegistry(first);
    path = rest.slice(slash + 1);
    if (!isHostPort(first)) {
      throw invalid(input, `"${first}" is not a valid host[:port] (port 1-65535)`);
    }
  } else {
    if (slash < 0 && looksLikeHost(first) && first.includes('.') && !first.includes(':')) {
      throw invalid(input, 'a repository path is missing after the registry host');
    }
    registry = 'docker.io';
    path = rest;
  }
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!TAG_RE.test(tag)) {
      throw invalid(input, `tag "${tag}" may use only letters, digits, '_', '.', '-' (max 128)`);
    }
  }
  if (!path) throw invalid(input, 'the repository path is empty');
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!REPOSITORY_RE.test(path)) {
    const hint = path !== path.toLowerCase() ? ' (repository names must be lower case)' : '';
    throw invalid(
      input,
      `"${path}" is not a valid repository name${hint}: use lower-case letters, digits and separators . _ __ - /`,
    );
  }
  if (registry.length + 1 + path.length > MAX_NAME_LENGTH) {
    throw invalid(input, `registry and repository together exceed ${MAX_NAME_LENGTH} characters`);
  }
  if (tag === undefined && digest === undefined) tag = 'latest';
  return { registry, repository: path, tag, digest };
}

/** Parses a bare registry (`host[:port]`, optionally with `oras://`), for login and catalog. */
export function parseRegistry(input: string): string {
  const rest = stripScheme(input).replace(/\/+$/, '');
  refuseCredentials(rest);
  if (!rest || rest.includes('/') || !isHostPort(rest)) {
    throw new SifportError(
      'REFERENCE_INVALID',
      `Invalid registry "${input}": expected HOST[:PORT], e.g. ghcr.io or 127.0.0.1:5000.`,
    );
  }
  return normalizeRegistry(rest);
}

/** Formats a reference back to `oras://registry/repo[:tag][@digest]`. */
export function formatReference(ref: Reference): string {
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
  const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
  return `oras://${ref.registry}/${ref.repository}${tag}${digest}`;
}

/** The host:port that API requests go to (Docker Hub's API host differs from its name). */
export function apiHost(registry: string): string {
  return registry === 'docker.io' ? DOCKER_HUB_API_HOST : registry;
}

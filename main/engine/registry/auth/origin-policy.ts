import { SifportError } from '../../errors.js';

/**
 * What a request may do when its URL lies outside the registry's origin (scheme, host and
 * port). `without-credentials` is for the targets the distribution spec lets a registry
 * point elsewhere: upload `Location`s and blob redirects (object storage, CDNs). Everything
 * else (pagination `Link`s, manifest URLs) is `refuse`.
 */
export type CrossOriginPolicy = 'refuse' | 'without-credentials';

/**
 * The one rule for where the registry's credentials may go (issue #10 item 1): only to the
 * origin they were issued for. Returns true for that origin, false for a foreign one the
 * policy lets through without credentials, and throws INSECURE_REFUSED for a downgrade from
 * HTTPS to HTTP (never followed: bytes and session state would travel in clear text) or
 * for a foreign origin the policy refuses. Messages name hosts only: a URL may carry a
 * signed upload state.
 */
export function mayCarryCredentials(
  target: URL,
  registry: URL,
  policy: CrossOriginPolicy,
  what: string,
): boolean {
  if (registry.protocol === 'https:' && target.protocol !== 'https:') {
    throw new SifportError(
      'INSECURE_REFUSED',
      `${what}: ${registry.host} is reached over HTTPS but sent a ${target.protocol}// address (${target.host}); refusing to continue in clear text. If the registry sits behind a TLS proxy, that proxy must pass \`X-Forwarded-Proto: https\` to it.`,
    );
  }
  if (target.origin === registry.origin) return true;
  if (policy === 'without-credentials') return false;
  throw new SifportError(
    'INSECURE_REFUSED',
    `${what}: ${registry.host} pointed to another server (${target.origin}); refusing to follow it, so the registry's credentials stay with the registry.`,
  );
}

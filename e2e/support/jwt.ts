import { randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import type { Access } from './token-scopes.js';

/** The claims distribution 2.8 checks in a bearer token (spec §4.6). */
export interface TokenClaims {
  readonly iss: string;
  /** Account name; empty for anonymous tokens. */
  readonly sub: string;
  /** The registry's configured service, as a single string: 2.8 fails to parse an array. */
  readonly aud: string;
  /** Seconds since the epoch. */
  readonly exp: number;
  readonly nbf: number;
  readonly iat: number;
  readonly jti: string;
  readonly access: readonly Access[];
}

/** The key that signs tokens plus the certificate announced in the `x5c` header. */
export interface JwtSigner {
  readonly key: KeyObject;
  /** The signing certificate in PEM; its DER travels in `x5c` so 2.8 can check the chain. */
  readonly certPem: string;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** DER bytes (base64) of the first certificate in a PEM string, as `x5c` wants them. */
export function pemToDerBase64(pem: string): string {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (match?.[1] === undefined) throw new Error('no certificate found in PEM input');
  return match[1].replace(/\s+/g, '');
}

/** A random token id for the `jti` claim. */
export function newTokenId(): string {
  return randomBytes(12).toString('hex');
}

/**
 * Signs claims as a compact JWS with RS256 (or ES256 for an EC key), carrying the signing
 * certificate in `x5c`; distribution verifies that chain against its `rootcertbundle`.
 */
export function signJwt(claims: TokenClaims, signer: JwtSigner): string {
  const ec = signer.key.asymmetricKeyType === 'ec';
  const header = { typ: 'JWT', alg: ec ? 'ES256' : 'RS256', x5c: [pemToDerBase64(signer.certPem)] };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: signer.key,
    dsaEncoding: 'ieee-p1363',
  });
  return `${input}.${base64url(signature)}`;
}

/** Decodes (without verifying) the header and claims of a compact JWT, for tests and logs. */
export function decodeJwt(token: string): { header: unknown; claims: unknown } {
  const [header, claims] = token.split('.');
  if (header === undefined || claims === undefined) throw new Error('not a compact JWT');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')),
  };
}

import type { KeyItem } from '../../store/domain.js';

/**
 * How the Keys screen words a key (S12). Pure, so it is tested in Node; openpgp.js names
 * (`eddsaLegacy`, `rsaEncryptSign`) become what `gpg --list-keys` users know.
 */

/** "Ed25519", "RSA 4096", "ECDSA P-256". */
export function algorithmLabel(key: Pick<KeyItem, 'algorithm' | 'bits' | 'curve'>): string {
  const { algorithm, bits, curve } = key;
  if (/^eddsa|^ed25519/i.test(algorithm)) return 'Ed25519';
  if (/^rsa/i.test(algorithm)) return bits ? `RSA ${bits}` : 'RSA';
  if (/^ecdsa/i.test(algorithm)) return curve ? `ECDSA ${curve}` : 'ECDSA';
  if (/^dsa/i.test(algorithm)) return bits ? `DSA ${bits}` : 'DSA';
  return curve ? `${algorithm} ${curve}` : algorithm;
}

/** The e-mail of `Name <mail>`, if any. */
export function keyEmail(key: Pick<KeyItem, 'primaryUserId' | 'userIds'>): string | undefined {
  const uid = key.primaryUserId ?? key.userIds[0] ?? '';
  return /<([^>]+)>\s*$/.exec(uid)?.[1];
}

/** "never", "expired 2026-01-02" or the expiry date, with a state for the colour and icon. */
export function expiryOf(
  key: Pick<KeyItem, 'expiresAt' | 'revoked'>,
  now = Date.now(),
): { readonly state: 'ok' | 'soon' | 'expired' | 'revoked'; readonly ms?: number } {
  if (key.revoked) return { state: 'revoked' };
  if (key.expiresAt === null) return { state: 'ok' };
  const ms = key.expiresAt * 1000;
  if (ms <= now) return { state: 'expired', ms };
  return { state: ms - now < 30 * 24 * 3600 * 1000 ? 'soon' : 'ok', ms };
}

/** File name of an exported key: `alice-example_5ED44E0712BB962A.pub.asc` / `.secret.asc`. */
export function exportFileName(
  key: Pick<KeyItem, 'primaryUserId' | 'userIds' | 'keyId'>,
  secret: boolean,
): string {
  const uid = (key.primaryUserId ?? key.userIds[0] ?? '').replace(/<[^>]*>/g, '');
  const slug = uid
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug ? `${slug}_` : ''}${key.keyId}.${secret ? 'secret' : 'pub'}.asc`;
}

/** The last 8 hex digits of a fingerprint: what removing a key with a secret half asks to type. */
export function confirmationCode(fingerprint: string): string {
  return fingerprint.slice(-8).toUpperCase();
}

/** True when `typed` confirms `fingerprint` (case and spaces ignored). */
export function confirms(fingerprint: string, typed: string): boolean {
  return typed.replace(/\s+/g, '').toUpperCase() === confirmationCode(fingerprint);
}

import type { Key } from 'openpgp';

import { fingerprintOf, primaryUserId } from '../sif/index.js';

/** What the key list shows for one key; never holds secret material. */
export interface KeySummary {
  /** Primary-key fingerprint, upper-case hex (what SIF signatures record, spec B4). */
  readonly fingerprint: string;
  /** Last 16 hex digits of the fingerprint (v4 key ID). */
  readonly keyId: string;
  readonly userIds: readonly string[];
  /** The primary user ID, `Name (Comment) <email>`, as apptainer prints it. */
  readonly primaryUserId: string | undefined;
  /** openpgp.js algorithm name, e.g. `eddsaLegacy`, `rsaEncryptSign`. */
  readonly algorithm: string;
  readonly bits: number | undefined;
  readonly curve: string | undefined;
  /** OpenPGP key version (4 for keys apptainer can use). */
  readonly version: number;
  /** Creation time, Unix seconds. */
  readonly createdAt: number;
  /** Expiry time, Unix seconds, or null when the key does not expire. */
  readonly expiresAt: number | null;
  readonly revoked: boolean;
  /** True when the keyring also holds the (passphrase-protected) private key. */
  readonly hasPrivate: boolean;
}

/** Describes `key` for lists and confirmations; `hasPrivate` says whether a secret is stored. */
export async function summarizeKey(
  key: Key,
  hasPrivate: boolean,
  date = new Date(),
): Promise<KeySummary> {
  const info = key.getAlgorithmInfo();
  const fingerprint = fingerprintOf(key);
  const expiry = await key.getExpirationTime().catch(() => null);
  const expiresAt = expiry instanceof Date ? Math.floor(expiry.getTime() / 1000) : null;
  const revoked = await key.isRevoked(undefined, undefined, date).catch(() => false);
  return {
    fingerprint,
    keyId: fingerprint.slice(-16),
    userIds: key.getUserIDs(),
    primaryUserId: await primaryUserId(key),
    algorithm: String(info.algorithm),
    bits: info.bits,
    curve: info.curve === undefined ? undefined : String(info.curve),
    version: key.keyPacket.version,
    createdAt: Math.floor(key.getCreationTime().getTime() / 1000),
    expiresAt,
    revoked,
    hasPrivate,
  };
}

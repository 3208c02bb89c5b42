import type { PrivateKey, Signature } from 'openpgp';

import { armorClearSigned } from './cleartext.js';
import { HashType } from '../format/codes.js';
import { SifError, describeCause } from '../format/errors.js';
import { loadOpenpgp } from './openpgp-loader.js';

/** OpenPGP hash for the signature packet; apptainer uses SHA-256 (spec B4, B9). */
export type SignatureHash = 'sha256' | 'sha384' | 'sha512';

/** Options for {@link clearSign}. */
export interface ClearSignOptions {
  /** Signature creation time; must not be before the key's creation (spec B9). */
  readonly date: Date;
  /** Hash for the OpenPGP packet (default `sha256`, as apptainer). */
  readonly hash?: SignatureHash;
  /**
   * Leave out the random salt notation openpgp.js and current apptainer add (spec B4), so the
   * same key, time and text give the same bytes (RSA and EdDSA are deterministic).
   */
  readonly reproducible?: boolean;
}

/** A clear-signed block plus the SIF hash type code to record for it (spec B4). */
export interface ClearSigned {
  readonly armored: string;
  readonly hashType: number;
}

/** By OpenPGP hash algorithm ID (RFC 4880 9.4: 8 SHA256, 9 SHA384, 10 SHA512). */
const PACKET_HASH: ReadonlyMap<number, { sif: number; armor: string }> = new Map([
  [8, { sif: HashType.sha256, armor: 'SHA256' }],
  [9, { sif: HashType.sha384, armor: 'SHA384' }],
  [10, { sif: HashType.sha512, armor: 'SHA512' }],
]);

/**
 * Clear-signs `text` with `key` (already unlocked) the way apptainer does (spec B4, B9): a v4
 * text signature made by the primary key when it can sign (a signing subkey otherwise), with
 * creation time, issuer key ID and issuer fingerprint, armored like Go's encoder.
 */
export async function clearSign(
  text: string,
  key: PrivateKey,
  options: ClearSignOptions,
): Promise<ClearSigned> {
  const openpgp = await loadOpenpgp();
  const hash = options.hash ?? 'sha256';
  const signingKeyIDs = (await primaryCanSign(key, options.date)) ? [key.getKeyID()] : [];
  let signature: Signature;
  try {
    const message = await openpgp.createCleartextMessage({ text });
    const armored = await openpgp.sign({
      message,
      signingKeys: key,
      signingKeyIDs,
      date: options.date,
      config: {
        preferredHashAlgorithm: openpgp.enums.hash[hash],
        nonDeterministicSignaturesViaNotation: options.reproducible !== true,
      },
    });
    // Re-armor the signature packets ourselves, in Go's layout (spec B4).
    const block = armored.slice(armored.indexOf('-----BEGIN PGP SIGNATURE-----'));
    signature = await openpgp.readSignature({ armoredSignature: block });
  } catch (cause) {
    throw new SifError(
      'KEY_INVALID',
      `Signing with key ${key.getFingerprint().toUpperCase()} failed: ${describeCause(cause)}`,
      undefined,
      { cause },
    );
  }
  const packet = signature.packets.findPacket(openpgp.enums.packet.signature);
  const used =
    packet instanceof openpgp.SignaturePacket && packet.hashAlgorithm !== null
      ? PACKET_HASH.get(packet.hashAlgorithm)
      : undefined;
  if (!used) {
    throw new SifError(
      'KEY_INVALID',
      'openpgp.js chose a hash SIF cannot record; use SHA-256, -384 or -512',
    );
  }
  return { armored: armorClearSigned(text, used.armor, signature.write()), hashType: used.sif };
}

async function primaryCanSign(key: PrivateKey, date: Date): Promise<boolean> {
  try {
    const signing = await key.getSigningKey(key.getKeyID(), date);
    return signing.getKeyID().equals(key.getKeyID());
  } catch {
    return false;
  }
}

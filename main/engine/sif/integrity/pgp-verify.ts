import type { CleartextMessage, Key } from 'openpgp';

import { describeCause } from '../format/errors.js';
import { loadOpenpgp } from './openpgp-loader.js';
import { fingerprintOf, primaryUserId } from './pgp-keys.js';

/** Who made a signature, once the key was found (spec B6 step 4.2-4.3). */
export interface Signer {
  /** Primary-key fingerprint, upper-case hex. */
  readonly fingerprint: string;
  /** Primary user ID, `Name (Comment) <email>`. */
  readonly userId: string | undefined;
}

/** Why the OpenPGP layer rejected a signature; a subset of the verifier's verdicts. */
export type EnvelopeFailure =
  'malformed' | 'unknown-signer' | 'bad-signature' | 'fingerprint-mismatch';

/** Outcome of {@link checkClearSigned}. */
export type EnvelopeResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly signer: Signer;
      readonly issuerKeyId: string;
      /** Signature creation time, Unix seconds. */
      readonly signedAt: number | undefined;
    }
  | {
      readonly ok: false;
      readonly failure: EnvelopeFailure;
      readonly message: string;
      /** The signed text, unverified, when the block could be read (for reporting only). */
      readonly text: string | undefined;
      readonly issuerKeyId: string | undefined;
      readonly signer: Signer | undefined;
    };

/**
 * Checks a clear-signed signature object against `keys` (spec B6 step 4.2-4.3, B7): finds the
 * key by issuer key ID, verifies the OpenPGP signature with openpgp.js (which also refuses a
 * signature older than its key, and expired or revoked keys), then requires the signer's
 * primary fingerprint to equal the 20 bytes recorded in the descriptor.
 *
 * Upstream difference: Go's verifier never checks that the key was valid when the signature
 * was made. openpgp.js does, and so rejects keys whose self-signatures were renewed after
 * signing (upstream's own test key was re-certified in 2022; its images were signed in 2020).
 * We allow those when the key is valid at `date` (openpgp.js's
 * `allowInsecureVerificationWithReformattedKeys`); "key newer than signature" still fails.
 */
export async function checkClearSigned(
  armored: string,
  descriptorFingerprint: string | undefined,
  keys: readonly Key[],
  date: Date,
): Promise<EnvelopeResult> {
  const openpgp = await loadOpenpgp();
  let message: CleartextMessage;
  try {
    message = await openpgp.readCleartextMessage({ cleartextMessage: armored });
  } catch (cause) {
    return fail(
      'malformed',
      `not a readable clear-signed OpenPGP message (${describeCause(cause)})`,
    );
  }
  const text = message.getText();
  const issuer = message.getSigningKeyIDs()[0];
  if (!issuer) return fail('malformed', 'the OpenPGP signature names no issuer key', text);
  const issuerKeyId = issuer.toHex().toUpperCase();
  const key = keys.find((k) => k.getKeys(issuer).length > 0);
  if (!key) {
    return fail(
      'unknown-signer',
      `signed by key ID ${issuerKeyId}${descriptorFingerprint ? ` (fingerprint ${descriptorFingerprint})` : ''}, which is not among the given public keys`,
      text,
      issuerKeyId,
    );
  }
  const signer = { fingerprint: fingerprintOf(key), userId: await primaryUserId(key) };
  let signedAt: number | undefined;
  try {
    const result = await openpgp.verify({
      message,
      verificationKeys: [key.toPublic()],
      date,
      config: { allowInsecureVerificationWithReformattedKeys: true },
    });
    const first = result.signatures[0];
    if (!first) throw new Error('no signature packet');
    await first.verified;
    const packet = (await first.signature).packets[0];
    signedAt = packet?.created ? Math.floor(packet.created.getTime() / 1000) : undefined;
  } catch (cause) {
    return fail(
      'bad-signature',
      `the OpenPGP signature does not verify with key ${signer.fingerprint}: ${describeCause(cause)}`,
      text,
      issuerKeyId,
      signer,
    );
  }
  if (descriptorFingerprint !== signer.fingerprint) {
    return fail(
      'fingerprint-mismatch',
      `the descriptor records fingerprint ${descriptorFingerprint ?? '(none)'} but the signature was made by ${signer.fingerprint}`,
      text,
      issuerKeyId,
      signer,
    );
  }
  return { ok: true, text, signer, issuerKeyId, signedAt };
}

function fail(
  failure: EnvelopeFailure,
  message: string,
  text?: string,
  issuerKeyId?: string,
  signer?: Signer,
): EnvelopeResult {
  return { ok: false, failure, message, text, issuerKeyId, signer };
}

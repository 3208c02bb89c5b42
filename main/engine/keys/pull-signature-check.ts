import type { Key } from 'openpgp';
import { SifportError } from '../errors.js';
import { fingerprintOf, isSifError, normalizeFingerprint, sifErrorToInfo } from '../sif/index.js';
import { verifySifFile, type VerifyOutcome } from './verify-file.js';

/** What a pull that verifies is given: the keys, and optionally the signer it must be. */
export interface PullSignatureOptions {
  /** Public keys to verify with (a key file's, or the keyring's). */
  readonly keys: readonly Key[];
  /** A required signer: a fingerprint or 16-digit key ID among `keys`; none: any signer. */
  readonly fingerprint?: string | undefined;
  /** Where the keys came from, for messages ("the keyring /home/me/.config/sifport/keys"). */
  readonly where: string;
  readonly signal?: AbortSignal | undefined;
}

/** A pull's signature check: `pullSif`'s `beforeCommit` hook, and what it found. */
export interface PullSignatureCheck {
  beforeCommit(tempPath: string): Promise<void>;
  /** The outcome once the hook ran. */
  outcome(): VerifyOutcome | undefined;
}

/**
 * The full fingerprint among `keys` that `text` names (a fingerprint or a 16-digit key ID, any
 * case, spaces and `0x` ignored); NOT_FOUND naming `where` when none of them matches.
 */
export function resolveFingerprint(keys: readonly Key[], text: string, where: string): string {
  const wanted = normalizeFingerprint(text);
  const match = keys
    .map(fingerprintOf)
    .find((fp) => fp === wanted || (wanted.length === 16 && fp.endsWith(wanted)));
  if (match === undefined) {
    throw new SifportError(
      'NOT_FOUND',
      `The public key for ${wanted} is not in ${where}; import it first.`,
    );
  }
  return match;
}

/** A SIF engine error as the shared error (code, message, retryable), anything else as is. */
function shared(err: unknown): unknown {
  if (!isSifError(err)) return err;
  const info = sifErrorToInfo(err);
  return new SifportError(info.code, info.message, {
    retryable: info.retryable,
    detail: info.detail,
    cause: err,
  });
}

/**
 * Verification of a pulled image before it lands (the CLI's `pull --verify-key/--fingerprint`
 * and the window's "Verify after pull": one implementation). The keys and the required signer
 * are checked now, before anything is downloaded; the hook verifies the complete temporary
 * file as `sifport verify` does and throws SIGNATURE_INVALID when it does not pass, so
 * `pullSif` discards it and the destination is never written.
 */
export function pullSignatureCheck(options: PullSignatureOptions): PullSignatureCheck {
  const { keys, where, signal } = options;
  if (keys.length === 0) {
    throw new SifportError('NOT_FOUND', `No public keys in ${where}; import some first.`);
  }
  const required =
    options.fingerprint === undefined
      ? undefined
      : resolveFingerprint(keys, options.fingerprint, where);
  let outcome: VerifyOutcome | undefined;
  return {
    async beforeCommit(tempPath: string): Promise<void> {
      try {
        outcome = await verifySifFile({
          path: tempPath,
          keys,
          fingerprints: required === undefined ? undefined : [required],
          signal,
        });
      } catch (err) {
        throw shared(err);
      }
      if (!outcome.ok) {
        throw new SifportError(
          'SIGNATURE_INVALID',
          `The pulled image does not verify (${outcome.message.replace(/\.$/, '')}); it was discarded and nothing was written.`,
        );
      }
    },
    outcome: () => outcome,
  };
}

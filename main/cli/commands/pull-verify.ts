import type { Key } from 'openpgp';
import { SifportError } from '../../engine/errors.js';
import { readPublicKeys } from '../../engine/sif/index.js';
import { stringFlag, usageError, type FlagSpec } from '../args.js';
import type { CommandContext } from '../command.js';
import {
  keyringDir,
  openKeyring,
  readKeyFile,
  resolveFingerprint,
  withSifErrors,
} from './sif-support.js';
import { verifySifFile, type VerifyOutcome } from '../../engine/keys/index.js';

/** The options `pull` takes to verify the image before it lands at its path. */
export const PULL_VERIFY_FLAGS: readonly FlagSpec[] = [
  {
    name: 'verify-key',
    value: 'FILE',
    help: 'verify the image with this public key file before it is written',
  },
  {
    name: 'fingerprint',
    value: 'FP',
    help: 'require a verified signature by this key (keys from --verify-key or the keyring)',
  },
  { name: 'keyring', value: 'DIR', help: 'keyring for --fingerprint (default CONFIG_DIR/keys)' },
];

/** A pull's signature check: the `beforeCommit` hook and what it found. */
export interface PullVerifier {
  beforeCommit(tempPath: string): Promise<void>;
  /** The outcome once the hook ran. */
  outcome(): VerifyOutcome | undefined;
}

/**
 * The signature check `--verify-key FILE` / `--fingerprint FP [--keyring DIR]` ask `pull`
 * for, or undefined when neither was given. Keys are read now, before anything is
 * downloaded; the returned hook verifies the complete temporary file (as `sifport verify`
 * does) and throws SIGNATURE_INVALID when it does not pass, so pullSif discards it and the
 * destination is never written.
 */
export async function pullVerifier(ctx: CommandContext): Promise<PullVerifier | undefined> {
  const keyFile = stringFlag(ctx.args, 'verify-key');
  const fingerprint = stringFlag(ctx.args, 'fingerprint');
  if (keyFile === undefined && fingerprint === undefined) {
    if (stringFlag(ctx.args, 'keyring') !== undefined) {
      throw usageError('pull: --keyring goes with --fingerprint FP');
    }
    return undefined;
  }
  const keys: Key[] = await withSifErrors(async () =>
    keyFile !== undefined
      ? readPublicKeys(await readKeyFile(ctx, keyFile))
      : openKeyring(ctx).publicKeys(),
  );
  const where = keyFile ?? `the keyring ${keyringDir(ctx)}`;
  if (keys.length === 0) {
    throw new SifportError('NOT_FOUND', `No public keys in ${where}; import some first.`);
  }
  const required =
    fingerprint === undefined ? undefined : resolveFingerprint(keys, fingerprint, where);
  let outcome: VerifyOutcome | undefined;
  return {
    async beforeCommit(tempPath: string): Promise<void> {
      outcome = await withSifErrors(() =>
        verifySifFile({
          path: tempPath,
          keys,
          fingerprints: required === undefined ? undefined : [required],
          signal: ctx.signal,
        }),
      );
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

import type { Key } from 'openpgp';
import { pullSignatureCheck, type PullSignatureCheck } from '../../engine/keys/index.js';
import { readPublicKeys } from '../../engine/sif/index.js';
import { boolFlag, stringFlag, usageError, type FlagSpec } from '../args.js';
import type { CommandContext } from '../command.js';
import { keyringDir, openKeyring, readKeyFile, withSifErrors } from './sif-support.js';

/** The options `pull` takes to verify the image before it lands at its path. */
export const PULL_VERIFY_FLAGS: readonly FlagSpec[] = [
  {
    name: 'verify',
    help: 'verify the image with the keyring before it is written (any signer whose key is there)',
  },
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
  {
    name: 'keyring',
    value: 'DIR',
    help: 'keyring for --verify and --fingerprint (default CONFIG_DIR/keys)',
  },
];

/**
 * The signature check `--verify` / `--verify-key FILE` / `--fingerprint FP [--keyring DIR]`
 * ask `pull` for, or undefined when none was given: the keys are read here, the check is the
 * engine's {@link pullSignatureCheck} (the window's "Verify after pull" runs the same).
 */
export async function pullVerifier(ctx: CommandContext): Promise<PullSignatureCheck | undefined> {
  const keyFile = stringFlag(ctx.args, 'verify-key');
  const fingerprint = stringFlag(ctx.args, 'fingerprint');
  if (keyFile === undefined && fingerprint === undefined && !boolFlag(ctx.args, 'verify')) {
    if (stringFlag(ctx.args, 'keyring') !== undefined) {
      throw usageError('pull: --keyring goes with --fingerprint FP or --verify');
    }
    return undefined;
  }
  const keys: Key[] = await withSifErrors(async () =>
    keyFile !== undefined
      ? readPublicKeys(await readKeyFile(ctx, keyFile))
      : openKeyring(ctx).publicKeys(),
  );
  const where = keyFile ?? `the keyring ${keyringDir(ctx)}`;
  return pullSignatureCheck({ keys, fingerprint, where, signal: ctx.signal });
}

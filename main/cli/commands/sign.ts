import { signSifFile, type SigningKey } from '../../engine/keys/index.js';
import type { AddedSignature } from '../../engine/sif/index.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import {
  cliPath,
  idFlag,
  keySourceFlags,
  listIds,
  openKeyring,
  readKeyFile,
  readPassphrase,
  selectionFlags,
  withSifErrors,
} from './sif-support.js';

/**
 * `sifport sign FILE.sif --key PRIVATE.asc [--passphrase-stdin] [--group N | --object N]`:
 * signs the image in place as `apptainer sign` does (spec B5), one signature per object group
 * by default. The passphrase is read from stdin only, and never printed.
 */
export const signCommand: Command = {
  name: 'sign',
  synopsis:
    'FILE.sif (--key PRIVATE.asc | --fingerprint FP) [--passphrase-stdin] [--group N | --object N]',
  summary: 'sign a SIF image in place with an OpenPGP private key',
  details: [
    'Adds one signature per object group (as `apptainer sign`), or only for --group N, or',
    'for the group holding --object N. The file is changed only once every signature is made.',
    'A protected key needs its passphrase on stdin, e.g.',
    '  sifport sign image.sif --key private.asc --passphrase-stdin < passphrase.txt',
    '--fingerprint FP signs with a private key from the keyring (--keyring DIR, default',
    'CONFIG_DIR/keys) instead of a key file.',
  ],
  flags: [
    ...keySourceFlags({
      key: 'private key file (armored or binary OpenPGP)',
      fingerprint: 'sign with this key from the keyring instead',
    }),
    { name: 'passphrase-stdin', help: "read the key's passphrase from stdin" },
    ...selectionFlags('sign', ' (one signature for its group)'),
  ],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const file = ctx.args.positionals[0]!;
    const keyFile = stringFlag(ctx.args, 'key');
    const fingerprint = stringFlag(ctx.args, 'fingerprint');
    if ((keyFile === undefined) === (fingerprint === undefined)) {
      throw usageError('sign: give the private key with either --key FILE or --fingerprint FP');
    }
    const groupId = idFlag(ctx, 'group');
    const objectId = idFlag(ctx, 'object');
    if (groupId !== undefined && objectId !== undefined) {
      throw usageError('sign: give --group or --object, not both');
    }
    const passphrase = boolFlag(ctx.args, 'passphrase-stdin')
      ? await readPassphrase(ctx)
      : undefined;
    const { signatures: added } = await withSifErrors(async () => {
      if (keyFile === undefined && passphrase === undefined) {
        throw usageError(
          'sign: keyring keys are protected; give the passphrase with --passphrase-stdin',
        );
      }
      const key: SigningKey =
        keyFile !== undefined
          ? { key: await readKeyFile(ctx, keyFile) }
          : { keyring: openKeyring(ctx), fingerprint: fingerprint! };
      return signSifFile({
        ...key,
        path: cliPath(ctx, file),
        passphrase,
        groupId,
        objectIds: objectId !== undefined ? [objectId] : undefined,
        signal: ctx.signal,
      });
    });
    ctx.out.result({ path: cliPath(ctx, file), signatures: added });
    for (const s of added) ctx.out.line(describe(s));
    ctx.out.line(`Signed ${file}.`);
  },
};

function describe(s: AddedSignature): string {
  const objects = s.objectIds.length === 1 ? 'object' : 'objects';
  return `Signature object ${s.id}: group ${s.groupId} (${objects} ${listIds(s.objectIds)}), key ${s.fingerprint}`;
}

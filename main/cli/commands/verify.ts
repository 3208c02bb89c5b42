import type { Key } from 'openpgp';
import { SifportError } from '../../engine/errors.js';
import { resolveFingerprint, verifySifFile, type VerifyOutcome } from '../../engine/keys/index.js';
import { readPublicKeys } from '../../engine/sif/index.js';
import type { SignatureResult } from '../../engine/sif/index.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import {
  cliPath,
  idFlag,
  keyringDir,
  keySourceFlags,
  listIds,
  openKeyring,
  readKeyFile,
  selectionFlags,
  withSifErrors,
} from './sif-support.js';

/** Public keys from `--key` files (and extra arguments after them), else the keyring. */
async function loadKeys(ctx: CommandContext): Promise<{ keys: Key[]; source: string }> {
  const keyFile = stringFlag(ctx.args, 'key');
  const extra = ctx.args.positionals.slice(1);
  if (keyFile === undefined) {
    if (extra.length > 0) throw usageError(`verify: unexpected argument "${extra[0]}"`);
    return { keys: await openKeyring(ctx).publicKeys(), source: `the keyring ${keyringDir(ctx)}` };
  }
  const keys: Key[] = [];
  for (const file of [keyFile, ...extra]) {
    keys.push(...(await readPublicKeys(await readKeyFile(ctx, file))));
  }
  return { keys, source: [keyFile, ...extra].join(', ') };
}

/** Reads the options, verifies the image and decides on the exit status. */
async function check(ctx: CommandContext, file: string): Promise<VerifyOutcome> {
  const fingerprint = stringFlag(ctx.args, 'fingerprint');
  const groupId = idFlag(ctx, 'group');
  const objectId = idFlag(ctx, 'object');
  if (groupId !== undefined && objectId !== undefined) {
    throw usageError('verify: give --group or --object, not both');
  }
  if (stringFlag(ctx.args, 'key') === undefined && fingerprint === undefined) {
    throw usageError('verify: give public keys with --key FILE, or --fingerprint FP (keyring)');
  }
  const { keys, source: keySource } = await loadKeys(ctx);
  if (keys.length === 0) {
    throw new SifportError('NOT_FOUND', `No public keys in ${keySource}; import some first.`);
  }
  return verifySifFile({
    path: cliPath(ctx, file),
    keys,
    fingerprints:
      fingerprint === undefined ? undefined : [resolveFingerprint(keys, fingerprint, keySource)],
    legacyInsecure: boolFlag(ctx.args, 'legacy-insecure'),
    groupId,
    objectId,
    signal: ctx.signal,
  });
}

function signatureLines(s: SignatureResult): string[] {
  const target = `${s.linkedIsGroup ? 'group' : 'object'} ${s.linkedId}`;
  const covered =
    s.coveredIds.length === 0
      ? 'unknown'
      : `${s.coveredIds.length === 1 ? 'object' : 'objects'} ${listIds(s.coveredIds)}`;
  const signer = s.signer
    ? `${s.signer.fingerprint}${s.signer.userId ? ` (${s.signer.userId})` : ''}`
    : (s.fingerprint ?? 'unknown');
  return [
    `Signature object ${s.id} (${s.format}, ${target}): ${s.verdict}`,
    `  signer:  ${signer}`,
    `  covers:  ${covered}`,
    `  result:  ${s.message}`,
  ];
}

/**
 * `sifport verify FILE.sif (--key PUBLIC.asc ... | --fingerprint FP [--keyring DIR])`: checks
 * every signature as `apptainer verify` does (spec B6-B8). Exit 0 only when every signature
 * checked verifies (and, with --fingerprint, the image is signed by that key); the human output
 * lists each signature with its signer, covered objects and verdict.
 */
export const verifyCommand: Command = {
  name: 'verify',
  synopsis: 'FILE.sif (--key PUBLIC.asc [MORE.asc…] | --fingerprint FP [--keyring DIR])',
  summary: 'verify the signatures of a SIF image',
  details: [
    'Checks every signature of every object group (or only --group N / --object N) with the',
    'public keys given: key files after --key (`--key a.asc b.asc`; a file may hold several',
    'keys), or the keyring (--keyring DIR, default CONFIG_DIR/keys). --fingerprint FP also',
    'requires that the image is signed by that key. Exit status 0 only when every signature',
    'checked verifies. Legacy (Singularity 3.0-3.5) signatures are accepted only with',
    '--legacy-insecure: they do not protect the header or descriptors (CVE-2020-13847).',
    "--json prints the verification report; when it does not verify, as the error's detail.",
  ],
  flags: [
    ...keySourceFlags({
      key: 'public key file(s) to verify with',
      fingerprint: 'require a signature by this key',
    }),
    { name: 'legacy-insecure', help: 'check legacy signatures instead of current ones' },
    ...selectionFlags('verify'),
  ],
  arity: { min: 1, max: Number.MAX_SAFE_INTEGER },
  async run(ctx: CommandContext): Promise<void> {
    const file = ctx.args.positionals[0]!;
    const outcome = await withSifErrors(() => check(ctx, file));
    const { out } = ctx;
    const { report } = outcome;
    if (report.signatures.length === 0) out.line(`${file}: no signatures`);
    for (const s of report.signatures) for (const line of signatureLines(s)) out.line(line);
    for (const problem of report.problems) out.line(`Problem: ${problem}`);
    if (!outcome.ok) {
      throw new SifportError(
        'SIGNATURE_INVALID',
        `${file} does not verify: ${outcome.message.replace(/\.$/, '')}.`,
        { detail: outcome },
      );
    }
    out.result(outcome);
    out.line(`Verified ${file}: ${outcome.message}.`);
  },
};

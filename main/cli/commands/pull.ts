import { resolve } from 'node:path';
import { parseReference } from '../../engine/registry/reference.js';
import { pullSif } from '../../engine/transfers/pull.js';
import { stringFlag, boolFlag, integerFlag } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { PULL_VERIFY_FLAGS, pullVerifier } from './pull-verify.js';

/**
 * `sifport pull oras://REGISTRY/REPO[:TAG|@DIGEST] [OUT.sif|DIR]`: pulls as `apptainer pull`
 * does (oras.md §1.3), verifying size and sha256 before the file appears at its path.
 */
export const pullCommand: Command = {
  name: 'pull',
  synopsis: 'oras://REGISTRY/REPO[:TAG|@DIGEST] [OUT.sif|DIR]',
  summary: 'pull a SIF image to a file (or into a directory, under its pushed name)',
  details: [
    'Without OUT the file goes into the current directory under the name it was pushed with.',
    'The SIF is checked (size, sha256, SIF header) before it appears at its path; an',
    'interrupted download resumes on the next pull. Pulls of one image to one path take turns:',
    'the next one waits, then uses the finished file.',
    'With --verify (the keyring, any signer), --verify-key FILE or --fingerprint FP [--keyring DIR]',
    'the signatures are checked as `sifport verify` does first: an image that does not verify is',
    'discarded, never written.',
  ],
  flags: [
    { name: 'force', help: 'replace OUT if it exists' },
    {
      name: 'arch',
      value: 'ARCH',
      help: 'architecture to pick from an image index (amd64, arm64, …)',
    },
    {
      name: 'connections',
      value: 'N',
      help: 'connections for one image of 64 MiB or more, each fetching its own range (default 4; 1: one stream)',
    },
    ...PULL_VERIFY_FLAGS,
  ],
  arity: { min: 1, max: 2 },
  async run(ctx: CommandContext): Promise<void> {
    const [source, destination = '.'] = ctx.args.positionals as [string, string?];
    const reference = parseReference(source);
    const verifier = await pullVerifier(ctx);
    const client = await ctx.connect(reference.registry, { repository: reference.repository });
    const bar = ctx.progressBar();
    const result = await pullSif({
      client,
      reference,
      destination: resolve(ctx.cwd, destination),
      force: boolFlag(ctx.args, 'force'),
      arch: stringFlag(ctx.args, 'arch'),
      connections: integerFlag(ctx.args, 'connections', 1, 16),
      signal: ctx.signal,
      onProgress: bar?.update,
      beforeCommit: verifier?.beforeCommit,
      onNotice: (message) => {
        bar?.clear();
        ctx.out.note(message);
      },
    });
    bar?.clear();
    const verified = verifier?.outcome();
    ctx.out.result(verified ? { ...result, verified: verified.message } : result);
    if (verified) ctx.out.line(`Verified: ${verified.message}.`);
    ctx.out.line(
      result.finishedByAnother
        ? `Another pull finished ${result.path} meanwhile; it holds ${result.reference} (size and sha256 checked).`
        : `Pulled ${result.reference} to ${result.path}.`,
    );
    ctx.out.line(result.manifestDigest);
  },
};

import { deleteImage } from '../../engine/registry/delete.js';
import { SifportError } from '../../engine/errors.js';
import { resolveManifest } from '../../engine/registry/manifests.js';
import { formatReference, parseReference } from '../../engine/registry/reference.js';
import { usageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';

/**
 * `sifport rm oras://REGISTRY/REPO@DIGEST`: deletes a manifest by digest and reports every
 * tag that went with it (oras.md §3.5). Given a tag, it refuses and shows the digest to use:
 * registries refuse deleting by tag, and the other tags on that digest would go too.
 */
export const rmCommand: Command = {
  name: 'rm',
  synopsis: 'oras://REGISTRY/REPO@DIGEST',
  summary: 'delete an image by digest, with every tag that points at it',
  details: [
    'Deleting works by digest only: every tag on that digest disappears with it, and each is',
    'listed. Given a tag, rm shows the digest to use instead.',
  ],
  flags: [],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const ref = parseReference(ctx.args.positionals[0]!);
    const client = await ctx.connect(ref.registry, { repository: ref.repository });
    if (ref.digest === undefined) {
      const tag = ref.tag ?? 'latest';
      const digest = await resolveManifest(client, ref.repository, tag, ctx.signal);
      if (digest === undefined) {
        throw new SifportError(
          'NOT_FOUND',
          `${formatReference(ref)} does not exist; nothing was deleted.`,
        );
      }
      const byDigest = formatReference({ ...ref, tag: undefined, digest });
      throw usageError(
        `rm deletes by digest, not by tag (every tag on the same digest goes with it): ${formatReference(ref)} is ${digest}; run \`sifport rm ${byDigest}\``,
      );
    }
    const result = await deleteImage(client, ref.repository, ref.digest, ctx.signal);
    const base = formatReference({ ...ref, tag: undefined, digest: undefined });
    ctx.out.result({ reference: formatReference({ ...ref, tag: undefined }), ...result });
    for (const tag of result.removedTags) ctx.out.line(`Untagged: ${base}:${tag}`);
    ctx.out.line(`Deleted: ${result.digest}`);
  },
};

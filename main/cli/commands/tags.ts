import { iterateTags } from '../../engine/registry/listing.js';
import { parseReference } from '../../engine/registry/reference.js';
import type { Command, CommandContext } from '../command.js';

/**
 * `sifport tags oras://REGISTRY/REPO`: every tag, one per line (oras.md §3.6), printed page
 * by page as they arrive. A listing past the engine's caps ends with a TOO_LARGE error (exit
 * status non-zero) after the tags already printed.
 */
export const tagsCommand: Command = {
  name: 'tags',
  synopsis: 'oras://REGISTRY/REPO',
  summary: 'list the tags of a repository',
  details: [],
  flags: [],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const ref = parseReference(ctx.args.positionals[0]!);
    const client = await ctx.connect(ref.registry, { repository: ref.repository });
    const tags: string[] = [];
    for await (const page of iterateTags(client, ref.repository, { signal: ctx.signal })) {
      for (const tag of page) ctx.out.line(tag);
      if (ctx.out.json) tags.push(...page);
    }
    ctx.out.result({ registry: ref.registry, repository: ref.repository, tags });
  },
};

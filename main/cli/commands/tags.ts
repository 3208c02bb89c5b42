import { listTags } from '../../engine/registry/listing.js';
import { parseReference } from '../../engine/registry/reference.js';
import type { Command, CommandContext } from '../command.js';

/** `sifport tags oras://REGISTRY/REPO`: every tag, one per line (oras.md §3.6). */
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
    const tags = await listTags(client, ref.repository, { signal: ctx.signal });
    ctx.out.result({ registry: ref.registry, repository: ref.repository, tags });
    for (const tag of tags) ctx.out.line(tag);
  },
};

import { iterateRepositories } from '../../engine/registry/listing.js';
import { parseRegistry } from '../../engine/registry/reference.js';
import type { Command, CommandContext } from '../command.js';

/**
 * `sifport repos REGISTRY`: the registry's catalog, one repository per line (oras.md §3.7),
 * printed page by page; past the engine's caps it ends with a TOO_LARGE error.
 */
export const reposCommand: Command = {
  name: 'repos',
  synopsis: 'REGISTRY',
  summary: 'list the repositories of a registry (where it allows listing)',
  details: [
    'Uses GET /v2/_catalog. Many hosted registries do not offer it; then name the repository',
    'yourself, e.g. `sifport tags oras://REGISTRY/REPO`.',
  ],
  flags: [],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const registry = parseRegistry(ctx.args.positionals[0]!);
    const client = await ctx.connect(registry);
    const repositories: string[] = [];
    for await (const page of iterateRepositories(client, { signal: ctx.signal })) {
      for (const repository of page) ctx.out.line(repository);
      if (ctx.out.json) repositories.push(...page);
    }
    ctx.out.result({ registry, repositories });
  },
};

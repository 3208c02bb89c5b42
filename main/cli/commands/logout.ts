import { parseRegistry } from '../../engine/registry/reference.js';
import type { Command, CommandContext } from '../command.js';

/** `sifport logout REGISTRY`: forgets the saved login (and says so when there was none). */
export const logoutCommand: Command = {
  name: 'logout',
  synopsis: 'REGISTRY',
  summary: 'forget the saved login for a registry',
  details: [],
  flags: [],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const registry = parseRegistry(ctx.args.positionals[0]!);
    const removed = await ctx.logins.delete(registry);
    ctx.out.result({ registry, removed });
    ctx.out.line(
      removed ? `Removed the login for ${registry}.` : `There was no saved login for ${registry}.`,
    );
  },
};

import { parseRegistry } from '../../engine/registry/reference.js';
import type { Command, CommandContext } from '../command.js';

/**
 * `sifport logout REGISTRY`: forgets the saved login and every other host-wide account of
 * the registry: their secrets and every token minted for them (issue #4). Accounts scoped
 * to a namespace stay; `sifport accounts rm ID` removes those.
 */
export const logoutCommand: Command = {
  name: 'logout',
  synopsis: 'REGISTRY',
  summary: 'forget the saved login for a registry (secret and cached tokens)',
  details: [],
  flags: [],
  arity: { min: 1, max: 1 },
  async run(ctx: CommandContext): Promise<void> {
    const registry = parseRegistry(ctx.args.positionals[0]!);
    const removed = (await ctx.accounts.logout(registry)).length > 0;
    ctx.out.result({ registry, removed });
    ctx.out.line(
      removed ? `Removed the login for ${registry}.` : `There was no saved login for ${registry}.`,
    );
  },
};

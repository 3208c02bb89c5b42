import type { Command } from './command.js';
import { accountsCommand } from './commands/accounts.js';
import { inspectCommand } from './commands/inspect.js';
import { keysCommand } from './commands/keys.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { pullCommand } from './commands/pull.js';
import { pushCommand } from './commands/push.js';
import { reposCommand } from './commands/repos.js';
import { rmCommand } from './commands/rm.js';
import { signCommand } from './commands/sign.js';
import { tagsCommand } from './commands/tags.js';
import { verifyCommand } from './commands/verify.js';

/** Every `sifport` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  loginCommand,
  logoutCommand,
  accountsCommand,
  pushCommand,
  pullCommand,
  reposCommand,
  tagsCommand,
  rmCommand,
  inspectCommand,
  signCommand,
  verifyCommand,
  keysCommand,
];

/** The command called `name`, if there is one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

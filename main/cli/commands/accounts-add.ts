import { normalizeNamespace, type Account } from '../../engine/accounts/account.js';
import {
  addAccount as addAccountUseCase,
  type AddAccountMessages,
  type TokenCommandRequest,
} from '../../engine/accounts/add-account.js';
import { detectProvider, pastedNamespace } from '../../engine/accounts/providers/providers.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { CommandContext } from '../command.js';
import { accountUseCaseDeps } from '../context.js';
import { readPasswordFromStdin, refuseInlinePassword } from './login.js';

/** The engine's usage errors in the CLI's words: they name the flags to add. */
const CLI_MESSAGES: Partial<AddAccountMessages> = {
  noUsername: (preset) =>
    `accounts add: the account name is needed: -u USER (${preset.usernameHint})`,
  noSecret: (preset) =>
    `accounts add: pipe the secret in with --password-stdin (${preset.secretHint})${preset.tokenCommand ? ', or use the token command (--region/--name)' : ''}`,
  tokenOptions: (preset, reason) => `${preset.name}: ${reason}`,
  anonymousWithSecret: () =>
    'accounts add: --anonymous takes no -u, --password-stdin or token command',
};

/**
 * The token command the flags ask for: `--token-command` split on spaces (never a shell),
 * else the provider's with `--region`/`--name`/`--profile` over what the host says, unless
 * `--password-stdin` brings a secret instead.
 */
function tokenCommandOf(ctx: CommandContext): TokenCommandRequest | undefined {
  const custom = stringFlag(ctx.args, 'token-command');
  if (custom !== undefined) return { argv: custom.split(/\s+/).filter(Boolean) };
  if (boolFlag(ctx.args, 'password-stdin') || boolFlag(ctx.args, 'anonymous')) return undefined;
  const options: Record<string, string> = {};
  for (const name of ['region', 'name', 'profile']) {
    const value = stringFlag(ctx.args, name);
    if (value !== undefined) options[name] = value;
  }
  return { options };
}

/** The secret on stdin (`--password-stdin`); read only once the rest of the request is valid. */
function stdinSecret(ctx: CommandContext): (() => Promise<string>) | undefined {
  if (!boolFlag(ctx.args, 'password-stdin')) return undefined;
  return async () => {
    const secret = await readPasswordFromStdin(ctx.io.stdin, ctx.signal);
    if (secret === '') throw usageError('no secret on stdin');
    return secret;
  };
}

/**
 * `sifport accounts add REGISTRY`: detects the provider from the host (or `--provider`),
 * takes the secret from stdin or sets up the provider's token command, tests the
 * connection (ping, token, capabilities) and only then saves the account (issue #4): the
 * engine's `addAccount`, fed from the flags.
 */
export async function addAccount(ctx: CommandContext, input: string): Promise<Account> {
  const { args, out } = ctx;
  refuseInlinePassword(
    args,
    'refusing a password on the command line (visible in `ps` and the shell history): pipe it in with --password-stdin',
  );
  const detected = detectProvider(input);
  if (!detected.registry) throw usageError('accounts add: missing REGISTRY');
  const account = await addAccountUseCase(accountUseCaseDeps(ctx), {
    provider: stringFlag(args, 'provider'),
    registry: detected.registry,
    namespace: normalizeNamespace(stringFlag(args, 'namespace')) ?? pastedNamespace(input),
    username: stringFlag(args, 'username'),
    secret: stdinSecret(ctx),
    secretKind: boolFlag(args, 'anonymous')
      ? 'none'
      : boolFlag(args, 'identity-token')
        ? 'identity-token'
        : 'password',
    tokenCommand: tokenCommandOf(ctx),
    connection: ctx.flagSettings(),
    skipTest: boolFlag(args, 'skip-test'),
    signal: ctx.signal,
    messages: CLI_MESSAGES,
  });
  if (account.tokenCommand) {
    out.line(`Token command: ${account.tokenCommand.join(' ')} (renewed automatically).`);
  }
  return account;
}

import { randomBytes } from 'node:crypto';
import { normalizeNamespace, type Account } from '../../engine/accounts/account.js';
import { credentialOf } from '../../engine/accounts/cloud/account-credentials.js';
import type { NewAccount } from '../../engine/accounts/accounts.js';
import type { MintedToken } from '../../engine/accounts/cloud/cloud-tokens.js';
import {
  detectProvider,
  providerById,
  type ProviderPreset,
} from '../../engine/accounts/providers/providers.js';
import { probeRepository, testAccount } from '../../engine/accounts/test-account.js';
import { registerSecret } from '../../engine/redact.js';
import { boolFlag, stringFlag, usageError } from '../args.js';
import type { CommandContext } from '../command.js';
import { readPasswordFromStdin } from './login.js';

/** Default lifetime of a token printed by a custom `--token-command`, in ms. */
const CUSTOM_TOKEN_LIFETIME_MS = 60 * 60_000;

/** The namespace in a pasted `host/ns/…` reference (tag and digest dropped). */
function pastedNamespace(input: string): string | undefined {
  const path = input
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')
    .slice(1)
    .join('/');
  return normalizeNamespace(path.replace(/[@:][^/]*$/, ''));
}

/** The token command: `--token-command` split on spaces (never a shell), else the preset's. */
function tokenArgv(
  ctx: CommandContext,
  preset: ProviderPreset,
  parts: Readonly<Record<string, string>>,
): readonly string[] | undefined {
  const custom = stringFlag(ctx.args, 'token-command');
  if (custom !== undefined) return custom.split(/\s+/).filter(Boolean);
  if (!preset.tokenCommand || boolFlag(ctx.args, 'password-stdin')) return undefined;
  const options = {
    ...parts,
    region: stringFlag(ctx.args, 'region') ?? parts['region'],
    name: stringFlag(ctx.args, 'name') ?? parts['name'],
    profile: stringFlag(ctx.args, 'profile'),
  };
  try {
    return preset.tokenCommand.argv(options);
  } catch (err) {
    throw usageError(`${preset.name}: ${(err as Error).message}`);
  }
}

/**
 * `sifport accounts add REGISTRY`: detects the provider from the host (or `--provider`),
 * takes the secret from stdin or sets up the provider's token command, tests the
 * connection (ping, token, capabilities) and only then saves the account (issue #4).
 */
export async function addAccount(ctx: CommandContext, input: string): Promise<Account> {
  const { args, out } = ctx;
  const inline = stringFlag(args, 'password');
  if (inline !== undefined) {
    registerSecret(inline);
    throw usageError(
      'refusing a password on the command line (visible in `ps` and the shell history): pipe it in with --password-stdin',
    );
  }
  const detected = detectProvider(input);
  const providerFlag = stringFlag(args, 'provider');
  let preset = detected.preset;
  if (providerFlag !== undefined) {
    try {
      preset = providerById(providerFlag);
    } catch (err) {
      throw usageError((err as Error).message);
    }
  }
  const registry = detected.registry;
  if (!registry) throw usageError('accounts add: missing REGISTRY');
  const namespace = normalizeNamespace(stringFlag(args, 'namespace')) ?? pastedNamespace(input);
  const argv = tokenArgv(ctx, preset, detected.parts);
  const username = stringFlag(args, 'username') ?? preset.username;
  if (username === undefined) {
    throw usageError(`accounts add: the account name is needed: -u USER (${preset.usernameHint})`);
  }
  const settings = ctx.flagSettings();
  const base: NewAccount = {
    id: `${preset.id}-${randomBytes(4).toString('hex')}`,
    provider: preset.id,
    registry,
    namespace,
    username,
    source: 'sifport',
    ...(argv
      ? {
          secretKind: 'cloud-command' as const,
          tokenCommand: argv,
          tokenLifetimeMs: preset.tokenCommand?.lifetimeMs ?? CUSTOM_TOKEN_LIFETIME_MS,
          mintedAs: preset.tokenCommand?.credential ?? 'password',
        }
      : {
          secretKind: boolFlag(args, 'identity-token')
            ? ('identity-token' as const)
            : ('password' as const),
        }),
    ...(settings.caFile ? { caFile: settings.caFile } : {}),
    ...(settings.insecure ? { insecure: true } : {}),
    ...(settings.plainHttp ? { plainHttp: true } : {}),
  };
  const id = base.id!;
  let secret: string | undefined;
  let minted: MintedToken | undefined;
  if (argv) {
    minted = await ctx.accounts.cloud.token(id, { argv, lifetimeMs: base.tokenLifetimeMs! });
    secret = minted.token;
  } else {
    if (!boolFlag(args, 'password-stdin')) {
      throw usageError(
        `accounts add: pipe the secret in with --password-stdin (${preset.secretHint})${preset.tokenCommand ? ', or use the token command (--region/--name)' : ''}`,
      );
    }
    secret = await readPasswordFromStdin(ctx.io.stdin, ctx.signal);
    if (secret === '') throw usageError('no secret on stdin');
    registerSecret(secret);
  }
  const account = { ...base, createdAt: Date.now() } as Account;
  let capabilities;
  if (!boolFlag(args, 'skip-test')) {
    try {
      const client = await ctx.connect(registry, {
        credential: credentialOf(account, secret),
        settings,
      });
      capabilities = await testAccount(client, {
        repository: probeRepository(namespace),
        tagDelete: preset.quirks.tagDelete,
        signal: ctx.signal,
      });
    } catch (err) {
      await ctx.accounts.cloud.invalidate(id);
      throw err;
    }
  }
  const saved = await ctx.accounts.add(base, argv ? undefined : secret);
  const final: Account = {
    ...saved,
    capabilities,
    ...(minted ? { tokenMintedAt: minted.mintedAt, tokenExpiresAt: minted.expiresAt } : {}),
  };
  await ctx.accounts.update(final);
  if (argv) out.line(`Token command: ${argv.join(' ')} (renewed automatically).`);
  return final;
}

import { randomBytes } from 'node:crypto';
import { SifportError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { normalizeNamespace, type Account } from './account.js';
import type { NewAccount } from './accounts.js';
import type { CredentialProvider } from '../registry/auth/credentials.js';
import { credentialOf } from './cloud/account-credentials.js';
import type { MintedToken } from './cloud/cloud-tokens.js';
import { mergeConnectionSettings, type ConnectionOverrides } from './connection-settings.js';
import { detectProvider, providerById, type ProviderPreset } from './providers/providers.js';
import type { AccountUseCaseDeps } from './registry-connector.js';
import { probeRepository, testAccount } from './test-account.js';

/** Default lifetime of a token printed by a command of the user's own, in ms. */
const CUSTOM_TOKEN_LIFETIME_MS = 60 * 60_000;

/**
 * Where a cloud account's token comes from: `argv`, a command of the user's own (its token
 * is a password unless the provider says otherwise), or `options` (region, name, profile)
 * for the provider's command; a provider without one takes a secret instead.
 */
export type TokenCommandRequest =
  | { readonly argv: readonly string[] }
  | { readonly options: Readonly<Record<string, string | undefined>> };

/**
 * The words of the usage errors, so each front end names its own fields and flags (the
 * CLI says `-u USER`, the app's form "user name"). Defaults: the app's.
 */
export interface AddAccountMessages {
  readonly noRegistry: () => string;
  readonly noUsername: (preset: ProviderPreset) => string;
  readonly noSecret: (preset: ProviderPreset) => string;
  /** The provider's token command refused the options; `reason` says which is missing. */
  readonly tokenOptions: (preset: ProviderPreset, reason: string) => string;
  /** An anonymous account was given a secret or a token command too. */
  readonly anonymousWithSecret: () => string;
}

const APP_MESSAGES: AddAccountMessages = {
  noRegistry: () => 'Type the registry host, for example registry.example.org.',
  noUsername: (preset) => `The user name is needed: ${preset.usernameHint}.`,
  noSecret: (preset) => `The secret is needed: ${preset.secretHint}.`,
  tokenOptions: (preset, reason) => `${preset.name}: ${reason.replace('--', '')}.`,
  anonymousWithSecret: () =>
    'An anonymous account takes no user name, secret or token command: choose one or the other.',
};

/** What to add, in no front end's terms: the app's form and the CLI's flags both map to it. */
export interface AddAccountRequest {
  /** Provider preset id; absent: detected from `registry`. */
  readonly provider?: string | undefined;
  /** `host[:port]`; absent or empty: the preset's default registry. */
  readonly registry?: string | undefined;
  readonly namespace?: string | undefined;
  /** Absent: the preset's fixed user name (`AWS`, `oauth2accesstoken`). */
  readonly username?: string | undefined;
  /**
   * The secret, or how to read it: called only once the request is otherwise complete,
   * so the CLI reads stdin after its usage checks and never for a token command.
   */
  readonly secret?: string | (() => Promise<string>) | undefined;
  /**
   * How the secret is used; `none` adds an anonymous account (an open registry, public
   * repositories): no user name, no secret, requests without credentials.
   */
  readonly secretKind?: 'password' | 'identity-token' | 'none' | undefined;
  readonly tokenCommand?: TokenCommandRequest | undefined;
  /** CA file, insecure TLS, plain HTTP: saved with the account and used for its test. */
  readonly connection?: ConnectionOverrides | undefined;
  /** Save without contacting the registry. */
  readonly skipTest?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly messages?: Partial<AddAccountMessages> | undefined;
}

interface TokenCommandPlan {
  readonly argv: readonly string[];
  readonly lifetimeMs: number;
  readonly mintedAs: 'password' | 'identity-token';
}

/** The credentials of an anonymous account: none, so requests go without a login. */
const noCredential: CredentialProvider = async () => undefined;

function usage(message: string): SifportError {
  return new SifportError('USAGE', message);
}

function presetOf(req: AddAccountRequest, registry: string): ProviderPreset {
  if (req.provider === undefined) return detectProvider(registry).preset;
  try {
    return providerById(req.provider);
  } catch (err) {
    throw usage((err as Error).message);
  }
}

/** The token command to mint with, or undefined when the account takes a secret. */
function tokenCommandOf(
  req: AddAccountRequest,
  preset: ProviderPreset,
  registry: string,
  messages: AddAccountMessages,
): TokenCommandPlan | undefined {
  const request = req.tokenCommand;
  const command = preset.tokenCommand;
  if (request && 'argv' in request) {
    return {
      argv: request.argv,
      lifetimeMs: command?.lifetimeMs ?? CUSTOM_TOKEN_LIFETIME_MS,
      mintedAs: command?.credential ?? 'password',
    };
  }
  if (!request || !command) return undefined;
  try {
    const argv = command.argv({ ...detectProvider(registry).parts, ...request.options });
    return { argv, lifetimeMs: command.lifetimeMs, mintedAs: command.credential };
  } catch (err) {
    throw usage(messages.tokenOptions(preset, (err as Error).message));
  }
}

/** The account to save; its id is chosen now so a minted token is cached under it. */
function newAccount(
  req: AddAccountRequest,
  preset: ProviderPreset,
  registry: string,
  username: string,
  plan: TokenCommandPlan | undefined,
): NewAccount & { readonly id: string } {
  const { caFile, insecure, plainHttp } = req.connection ?? {};
  return {
    id: `${preset.id}-${randomBytes(4).toString('hex')}`,
    provider: preset.id,
    registry,
    namespace: normalizeNamespace(req.namespace),
    username,
    source: 'sifport',
    ...(plan
      ? {
          secretKind: 'cloud-command' as const,
          tokenCommand: plan.argv,
          tokenLifetimeMs: plan.lifetimeMs,
          mintedAs: plan.mintedAs,
        }
      : { secretKind: req.secretKind ?? ('password' as const) }),
    ...(caFile !== undefined ? { caFile } : {}),
    ...(insecure ? { insecure: true } : {}),
    ...(plainHttp ? { plainHttp: true } : {}),
  };
}

/**
 * "Add account" (issue #4), written once for the app and the CLI: builds the account from
 * the provider's preset, mints a cloud token or takes the secret, tests the login (ping,
 * pull token, capabilities) and saves only what works. A minted token that failed its test
 * is dropped, so the next try mints a fresh one. The secret goes to the secret store and
 * the redaction list, nowhere else. An anonymous account (`secretKind: 'none'`) is tested
 * and saved the same way, without a user name or secret.
 */
export async function addAccount(
  deps: AccountUseCaseDeps,
  req: AddAccountRequest,
): Promise<Account> {
  const { accounts } = deps;
  const messages = { ...APP_MESSAGES, ...req.messages };
  if (typeof req.secret === 'string') registerSecret(req.secret);
  const preset = presetOf(req, req.registry ?? '');
  const registry = req.registry || preset.defaultRegistry;
  if (!registry) throw usage(messages.noRegistry());
  const anonymous = req.secretKind === 'none';
  if (anonymous && (req.secret !== undefined || req.tokenCommand || req.username)) {
    throw usage(messages.anonymousWithSecret());
  }
  const username = anonymous ? '' : (req.username ?? preset.username);
  if (username === undefined) throw usage(messages.noUsername(preset));
  const plan = tokenCommandOf(req, preset, registry, messages);
  if (!anonymous && !plan && req.secret === undefined) throw usage(messages.noSecret(preset));
  const base = newAccount(req, preset, registry, username, plan);

  let minted: MintedToken | undefined;
  let secret: string | undefined;
  if (plan) {
    minted = await accounts.cloud.token(base.id, { argv: plan.argv, lifetimeMs: plan.lifetimeMs });
    secret = minted.token;
  } else if (!anonymous) {
    secret = typeof req.secret === 'function' ? await req.secret() : req.secret!;
    registerSecret(secret);
  }

  let capabilities;
  if (!req.skipTest) {
    const account: Account = { ...base, createdAt: Date.now() };
    try {
      const client = await deps.connect(
        registry,
        mergeConnectionSettings(base),
        (secret !== undefined ? credentialOf(account, secret) : undefined) ?? noCredential,
      );
      try {
        capabilities = await testAccount(client, {
          repository: probeRepository(base.namespace),
          tagDelete: preset.quirks.tagDelete,
          signal: req.signal,
        });
      } finally {
        client.close();
      }
    } catch (err) {
      await accounts.cloud.invalidate(base.id);
      throw err;
    }
  }
  const saved = await accounts.add(base, plan ? undefined : secret);
  const final: Account = {
    ...saved,
    capabilities,
    ...(minted ? { tokenMintedAt: minted.mintedAt, tokenExpiresAt: minted.expiresAt } : {}),
  };
  await accounts.update(final);
  return final;
}

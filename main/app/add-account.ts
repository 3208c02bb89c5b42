import { randomBytes } from 'node:crypto';
import type { RequestOf } from '../../shared/contract.js';
import { normalizeNamespace, type Account } from '../engine/accounts/account.js';
import { credentialOf } from '../engine/accounts/cloud/account-credentials.js';
import type { Accounts, NewAccount } from '../engine/accounts/accounts.js';
import {
  detectProvider,
  providerById,
  registryHostOf,
  type ProviderPreset,
} from '../engine/accounts/providers/providers.js';
import { probeRepository, testAccount } from '../engine/accounts/test-account.js';
import { SifportError } from '../engine/errors.js';
import { registerSecret } from '../engine/redact.js';
import type { RegistryClients } from './registry-clients.js';

type AddRequest = RequestOf<'accounts:add'>;

function usage(message: string): SifportError {
  return new SifportError('USAGE', message);
}

/** The metadata of the new account: provider, host, user name, and how its secret is had. */
function newAccount(req: AddRequest, preset: ProviderPreset): NewAccount {
  const registry = registryHostOf(req.registry) || preset.defaultRegistry;
  if (!registry) throw usage('Type the registry host, for example registry.example.org.');
  const username = req.username?.trim() || preset.username;
  if (!username) throw usage(`The user name is needed: ${preset.usernameHint}.`);
  const command = req.tokenCommand && preset.tokenCommand;
  let argv: readonly string[] | undefined;
  if (command) {
    try {
      argv = command.argv({ ...detectProvider(registry).parts, ...req.tokenCommand });
    } catch (err) {
      throw usage(`${preset.name}: ${(err as Error).message.replace('--', '')}.`);
    }
  } else if (req.secret === undefined) {
    throw usage(`The secret is needed: ${preset.secretHint}.`);
  }
  return {
    id: `${preset.id}-${randomBytes(4).toString('hex')}`,
    provider: preset.id,
    registry,
    namespace: normalizeNamespace(req.namespace),
    username,
    source: 'sifport',
    ...(command && argv
      ? {
          secretKind: 'cloud-command' as const,
          tokenCommand: argv,
          tokenLifetimeMs: command.lifetimeMs,
          mintedAs: command.credential,
        }
      : { secretKind: req.secretKind ?? ('password' as const) }),
    caFile: req.caFile,
    insecure: req.insecure || undefined,
    plainHttp: req.plainHttp || undefined,
  };
}

/**
 * `accounts:add` (issue #4), as the CLI's `accounts add` does it: builds the account from
 * the provider's preset, mints a cloud token or takes the typed secret, tests the login
 * (ping, pull token, capabilities) and saves only what works. The secret goes to the
 * secret store and the redaction list, nowhere else.
 */
export async function addAccount(
  accounts: Accounts,
  clients: Pick<RegistryClients, 'connect'>,
  req: AddRequest,
): Promise<Account> {
  if (req.secret !== undefined) registerSecret(req.secret);
  let preset: ProviderPreset;
  try {
    preset = providerById(req.provider);
  } catch (err) {
    throw usage((err as Error).message);
  }
  const base = newAccount(req, preset);
  const id = base.id!;
  const cloud = base.secretKind === 'cloud-command';
  const minted = cloud
    ? await accounts.cloud.token(id, {
        argv: base.tokenCommand!,
        lifetimeMs: base.tokenLifetimeMs!,
      })
    : undefined;
  const secret = minted?.token ?? req.secret!;
  let capabilities;
  if (!req.skipTest) {
    const account = { ...base, id, createdAt: Date.now() } as Account;
    const client = clients.connect(base.registry, base, credentialOf(account, secret));
    try {
      capabilities = await testAccount(client, {
        repository: probeRepository(base.namespace),
        tagDelete: preset.quirks.tagDelete,
      });
    } catch (err) {
      await accounts.cloud.invalidate(id);
      throw err;
    } finally {
      client.close();
    }
  }
  const saved = await accounts.add(base, cloud ? undefined : secret);
  const final: Account = {
    ...saved,
    capabilities,
    ...(minted ? { tokenMintedAt: minted.mintedAt, tokenExpiresAt: minted.expiresAt } : {}),
  };
  await accounts.update(final);
  return final;
}

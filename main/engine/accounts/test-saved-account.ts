import { SifportError } from '../errors.js';
import type { Account, AccountCapabilities } from './account.js';
import { mergeConnectionSettings, type ConnectionOverrides } from './connection-settings.js';
import { providerById } from './providers/providers.js';
import type { AccountUseCaseDeps } from './registry-connector.js';
import { probeRepository, testAccount } from './test-account.js';

/** Which saved account to test, and how this one test differs from its saved settings. */
export interface TestSavedAccountRequest {
  readonly id: string;
  /** Flags or request fields over the account's saved CA file, insecure and plain HTTP. */
  readonly connection?: ConnectionOverrides | undefined;
  /** Repository to probe; default `NAMESPACE/sifport-probe`. */
  readonly repository?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** What {@link testSavedAccount} found, and the account as now saved with it. */
export interface TestSavedAccountResult {
  readonly account: Account;
  readonly capabilities: AccountCapabilities;
}

/**
 * "Test connection" on a saved account (issue #4), written once for the app and the CLI:
 * logs in with the account's own credential (a cloud account mints or reuses its token),
 * probes what it may do with {@link testAccount}, and saves the capabilities with the
 * account so lists show them. NOT_FOUND when there is no such account.
 */
export async function testSavedAccount(
  deps: AccountUseCaseDeps,
  req: TestSavedAccountRequest,
): Promise<TestSavedAccountResult> {
  const { accounts } = deps;
  const account = await accounts.get(req.id);
  if (!account) throw new SifportError('NOT_FOUND', `There is no account ${req.id}.`);
  const client = await deps.connect(
    account.registry,
    mergeConnectionSettings(account, req.connection),
    accounts.providerForAccount(account),
  );
  let capabilities: AccountCapabilities;
  try {
    capabilities = await testAccount(client, {
      repository: req.repository ?? probeRepository(account.namespace),
      tagDelete: providerById(account.provider).quirks.tagDelete,
      signal: req.signal,
    });
  } finally {
    client.close();
  }
  // The test may have minted a token: keep the token times the provider saved meanwhile.
  const latest = (await accounts.get(req.id)) ?? account;
  const updated: Account = { ...latest, capabilities };
  await accounts.update(updated);
  return { account: updated, capabilities };
}

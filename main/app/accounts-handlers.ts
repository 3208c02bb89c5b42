import type { accountChannels } from '../../shared/accounts-contract.js';
import { addAccount } from '../engine/accounts/add-account.js';
import { renewCloudToken } from '../engine/accounts/cloud/renew-token.js';
import { exportAccountsConfig } from '../engine/accounts/interop/export-accounts.js';
import { SifportError } from '../engine/errors.js';
import type { Accounts } from '../engine/accounts/accounts.js';
import {
  importDockerLogins,
  type ImportedLogin,
} from '../engine/accounts/interop/config-import.js';
import { PROVIDER_PRESETS } from '../engine/accounts/providers/provider-presets.js';
import { detectProvider, pastedNamespace } from '../engine/accounts/providers/providers.js';
import {
  previewImportedLogins,
  saveImportedLogins,
} from '../engine/accounts/interop/save-imported.js';
import type { AccountUseCaseDeps } from '../engine/accounts/registry-connector.js';
import type { SecretStorageDecision } from '../engine/accounts/stores/storage-backend.js';
import { testSavedAccount } from '../engine/accounts/test-saved-account.js';
import { accountViewOf } from './account-view.js';
import { addAccountRequest } from './add-account.js';
import { checkedEvent, type EventSink, type Handlers } from './dispatch.js';
import { providerInfoOf } from './provider-info.js';
import type { RegistryClients } from './registry-clients.js';

/** The accounts channels of the contract. */
export type AccountChannel = keyof typeof accountChannels;

/** The handlers of {@link AccountChannel}s. */
export type AccountHandlers = Pick<Handlers, AccountChannel>;

/** What the accounts handlers need; each host (Electron, loopback, tests) supplies its own. */
export interface AccountsDeps {
  readonly service: Accounts;
  /** How the service's secret store keeps secrets, shown on the accounts screen. */
  readonly storage: SecretStorageDecision;
  readonly clients: Pick<RegistryClients, 'connect'>;
  /** Finds the logins of apptainer, docker and podman (default: the user's files). */
  readonly findLogins?: ((helpers: boolean) => Promise<ImportedLogin[]>) | undefined;
}

/** What the window says with every docker-config export. */
export const EXPORT_WARNING =
  'This file holds your logins (passwords, tokens) in plain base64: save it where only you can read it (mode 0600), and delete it when the cluster no longer needs it.';

/** What to do about a login a credential helper holds, in the window's words. */
const HELPER_HINT = 'tick "Also ask credential helpers" to import it';

function defaultFindLogins(helpers: boolean): Promise<ImportedLogin[]> {
  return importDockerLogins({
    env: { ...process.env },
    home: process.env['HOME'],
    resolveHelpers: helpers,
  });
}

/**
 * The accounts screen's handlers (issue #4): providers and their login ritual, the account
 * list without secrets, add (tested before saving), test, remove, import, renew a cloud token
 * and export to a docker-config.json (the one answer that holds secrets, because the user
 * asked for that file). Every change is announced with `accounts:changed` so every window
 * refreshes its list.
 */
export function createAccountHandlers(deps: AccountsDeps & { readonly emit: EventSink }) {
  const { service: accounts } = deps;
  const useCaseDeps: AccountUseCaseDeps = {
    accounts,
    connect: (registry, settings, credential) =>
      deps.clients.connect(registry, settings, credential),
  };
  const changed = (
    reason: 'added' | 'removed' | 'tested' | 'imported' | 'renewed',
    id?: string,
  ): void => deps.emit('accounts:changed', checkedEvent('accounts:changed', { reason, id }));

  const handlers: AccountHandlers = {
    'providers:list': async () => ({ providers: PROVIDER_PRESETS.map(providerInfoOf) }),
    'providers:detect': async ({ input }) => {
      const detected = detectProvider(input);
      const parts = Object.entries(detected.parts).filter(([, v]) => v !== undefined);
      return {
        provider: detected.preset.id,
        registry: detected.registry,
        namespace: pastedNamespace(input),
        ...(parts.length > 0 ? { parts: Object.fromEntries(parts) } : {}),
      };
    },
    'accounts:list': async () => ({
      accounts: (await accounts.list()).map(accountViewOf),
      storage: deps.storage,
    }),
    'accounts:add': async (req) => {
      const account = await addAccount(useCaseDeps, addAccountRequest(req));
      changed('added', account.id);
      return { account: accountViewOf(account) };
    },
    'accounts:remove': async ({ id }) => {
      const removed = await accounts.remove(id);
      if (removed) changed('removed', id);
      return { removed };
    },
    'accounts:test': async ({ id }) => {
      const { account, capabilities } = await testSavedAccount(useCaseDeps, { id });
      changed('tested', id);
      return { account: accountViewOf(account), capabilities };
    },
    'accounts:import': async ({ helpers, preview, select }) => {
      const found = await (deps.findLogins ?? defaultFindLogins)(helpers === true);
      if (preview) {
        return {
          found: await previewImportedLogins(accounts, found, HELPER_HINT),
          imported: [],
          skipped: [],
        };
      }
      const chosen = select ? new Set(select) : undefined;
      const report = await saveImportedLogins(accounts, found, HELPER_HINT, chosen);
      if (report.imported.length > 0) changed('imported');
      return {
        imported: report.imported.map((a) => ({
          id: a.id,
          registry: a.registry,
          username: a.username,
          origin: a.origin ?? '',
        })),
        skipped: report.skipped,
      };
    },
    'accounts:export': async ({ ids }) => {
      const chosen = [];
      for (const id of ids) {
        const account = await accounts.get(id);
        if (!account) throw new SifportError('NOT_FOUND', `There is no account ${id}.`);
        chosen.push(account);
      }
      return {
        config: await exportAccountsConfig(accounts, chosen),
        secretBearing: true as const,
        warning: EXPORT_WARNING,
      };
    },
    'accounts:renew': async ({ id }) => {
      const account = await renewCloudToken(accounts, id);
      changed('renewed', id);
      return { account: accountViewOf(account) };
    },
  };
  return handlers;
}

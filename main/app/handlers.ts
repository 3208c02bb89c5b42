import type { RegistryClient } from '../engine/registry/client.js';
import { parseReference, parseRegistry } from '../engine/registry/reference.js';
import type { SettingsStore } from '../engine/settings/settings-store.js';
import type { JobRecord } from '../engine/transfers/queue/job.js';
import type { TransferQueue } from '../engine/transfers/queue/transfer-queue.js';
import { createAccountHandlers, type AccountsDeps } from './accounts-handlers.js';
import { createAppInfoHandlers, type AppInfoDeps } from './app-info-handlers.js';
import type { ConnectionOptions } from './connection-options.js';
import type { DesktopHooks } from './desktop-hooks.js';
import { createDesktopHandlers } from './desktop-handlers.js';
import { createFilesHandlers } from './files-handlers.js';
import { createKeysHandlers, type KeyringDeps } from './keys-handlers.js';
import { createRegistryHandlers } from './registry-handlers.js';
import { createSifHandlers } from './sif-handlers.js';
import type { EventSink, Handlers } from './dispatch.js';
import { createSettingsHandlers } from './settings-handlers.js';
import { transferAnnouncer } from './transfer-announcer.js';
import { createTransferHandlers } from './transfer-handlers.js';

export type { ConnectionOptions } from './connection-options.js';

/** What the handlers need; `createAppServices` supplies it for every host and for tests. */
export interface HandlerDeps {
  /**
   * A client for `registry`, logged in with the account for `repository` (absent for
   * host-wide requests such as the catalog): see `registryClients` in registry-clients.ts.
   */
  clientFor(
    registry: string,
    options: ConnectionOptions,
    repository?: string,
  ): RegistryClient | Promise<RegistryClient>;
  /** The user's accounts, where `clientFor` gets its credentials too. */
  readonly accounts: AccountsDeps;
  readonly emit: EventSink;
  /** Told when a transfer ends; decides whether a desktop notification shows. */
  readonly notifier: TransferNotifier;
  readonly listTags: (client: RegistryClient, repository: string) => Promise<string[]>;
  readonly listRepositories: (client: RegistryClient) => Promise<string[]>;
  readonly settings: SettingsStore;
  /** Push, pull and copy jobs. */
  readonly transfers: TransferQueue;
  /** Subscribes to every change of the queue's records (`createAppServices` fans them out). */
  readonly onTransferChange: (listener: (record: JobRecord) => void) => void;
  /** Native dialogs and reveal (the browser mode refuses them with what to do instead). */
  readonly desktop: DesktopHooks;
  /** The profile's OpenPGP keyring (the CLI's `CONFIG_DIR/keys`), for signing and verifying. */
  readonly keys: KeyringDeps;
  /** What `app:info` says about the host (version, profile folder, proxy, import sources). */
  readonly info: AppInfoDeps;
}

/** A finished transfer, as a notification would say it. */
export interface FinishedTransfer {
  readonly jobId: string;
  readonly ok: boolean;
  readonly title: string;
  readonly body: string;
}

/**
 * Where finished transfers are announced outside the window: the desktop shell shows a
 * notification when the settings and window focus say so; the browser mode has none (the
 * page's own drawer and live region say it) and passes {@link NO_NOTIFICATIONS}.
 */
export interface TransferNotifier {
  finished(transfer: FinishedTransfer): void | Promise<void>;
}

/** The notifier of hosts that have no desktop notifications (the browser mode). */
export const NO_NOTIFICATIONS: TransferNotifier = { finished: () => undefined };

/** Runs `work` with a client of its own and frees the client's connections after. */
async function withClient<T>(
  client: RegistryClient | Promise<RegistryClient>,
  work: (client: RegistryClient) => Promise<T>,
): Promise<T> {
  const opened = await client;
  try {
    return await work(opened);
  } finally {
    opened.close?.();
  }
}

/** Builds the handler table; transfers run in the queue and report through events. */
export function createHandlers(deps: HandlerDeps): Handlers {
  deps.onTransferChange(transferAnnouncer(deps.emit, deps.notifier));
  return {
    'registry:tags': async (req) => {
      const ref = parseReference(req.repository);
      return withClient(deps.clientFor(ref.registry, req, ref.repository), async (client) => ({
        tags: await deps.listTags(client, ref.repository),
      }));
    },
    'registry:repos': async (req) => {
      return withClient(deps.clientFor(parseRegistry(req.registry), req), async (client) => ({
        repositories: await deps.listRepositories(client),
      }));
    },
    ...createTransferHandlers(deps.transfers),
    ...createAccountHandlers({ ...deps.accounts, emit: deps.emit }),
    ...createSettingsHandlers(deps.settings, deps.emit),
    ...createAppInfoHandlers(deps.info),
    ...createRegistryHandlers(deps),
    ...createSifHandlers(deps.keys.keyring),
    ...createKeysHandlers(deps.keys),
    ...createDesktopHandlers(deps.desktop),
    ...createFilesHandlers(),
  };
}

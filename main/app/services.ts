import type { Accounts } from '../engine/accounts/accounts.js';
import type { ImportedLogin } from '../engine/accounts/interop/config-import.js';
import type { SecretStorageDecision } from '../engine/accounts/stores/storage-backend.js';
import { Keyring } from '../engine/keys/index.js';
import type { ProfilePaths } from '../engine/profile/profile-layout.js';
import { listRepositories, listTags } from '../engine/registry/listing.js';
import type { ProxySettings } from '../engine/registry/transport/proxy/settings.js';
import { FileUploadTuningStore } from '../engine/registry/upload-tuning-file.js';
import type { UploadTuningStore } from '../engine/registry/upload-tuning.js';
import { FileSettingsStore, type SettingsStore } from '../engine/settings/settings-store.js';
import { FileDigestCache, type DigestCache } from '../engine/transfers/digest-cache.js';
import type { JobRecord } from '../engine/transfers/queue/job.js';
import { FileUploadSessionStore } from '../engine/transfers/upload-sessions.js';
import { FileJobHistory } from '../engine/transfers/queue/job-history.js';
import { createJobRunner } from '../engine/transfers/queue/run-job.js';
import { TransferQueue } from '../engine/transfers/queue/transfer-queue.js';
import type { Settings } from '../../shared/settings-contract.js';
import type { AccountsDeps } from './accounts-handlers.js';
import type { DesktopHooks } from './desktop-hooks.js';
import { TemporaryUploads } from './temporary-uploads.js';
import type { EventSink, Handlers } from './dispatch.js';
import { createHandlers, type TransferNotifier } from './handlers.js';
import { registryClients, type RegistryClients } from './registry-clients.js';

/**
 * One user's profile as a front end opens it: where its files are, its accounts and how
 * their secrets are kept, and how this machine reaches registries. The desktop app builds
 * it over `userData` and safeStorage, the browser mode over the CLI's configuration
 * directory, tests over a temporary folder; everything else is built from it here.
 */
export interface AppProfile {
  readonly paths: ProfilePaths;
  readonly accounts: Accounts;
  /** How the accounts' secrets are kept, shown on the accounts screen. */
  readonly storage: SecretStorageDecision;
  /** Finds the logins of apptainer, docker and podman for the import screen. */
  readonly findLogins: (helpers: boolean) => Promise<ImportedLogin[]>;
  /** The app's version (Settings › Advanced, `app:info`). */
  readonly version: string;
  /** `User-Agent` of every registry request. */
  readonly userAgent: string;
  readonly proxy: ProxySettings;
  readonly onWarning: (message: string) => void;
}

/** What a window's host gives the handlers: where events go, how to notify, native dialogs. */
export interface HostHooks {
  readonly emit: EventSink;
  readonly notifier: TransferNotifier;
  readonly desktop: DesktopHooks;
}

/** The services of one profile, built once by {@link createAppServices}. */
export interface AppServices {
  readonly profile: AppProfile;
  readonly clients: RegistryClients;
  readonly settings: SettingsStore;
  readonly keyring: Keyring;
  readonly digestCache: DigestCache;
  readonly tuning: UploadTuningStore;
  readonly transfers: TransferQueue;
  /** The contract's handler table, bound to one host's events and notifications. */
  handlers(host: HostHooks): Handlers;
  /** Stops running transfers (they show as interrupted next time) and writes the history. */
  close(): Promise<void>;
}

/**
 * The settings as handlers change them, with the latest kept at hand for the queue (which
 * reads its concurrency and history size synchronously) and the queue told of each change.
 */
async function liveSettings(store: SettingsStore, changed: () => void) {
  let current: Settings = await store.get();
  const live: SettingsStore = {
    get: async () => (current = await store.get()),
    set: async (patch) => {
      current = await store.set(patch);
      changed();
      return current;
    },
  };
  return { live, current: () => current };
}

/**
 * The composition root of every front end that serves the window (STYLE §11): the desktop
 * shell (`main/index.ts`), the browser mode (`main/web.ts`) and the tests all call this, so
 * each gets the same services with every dependency present.
 */
export async function createAppServices(profile: AppProfile): Promise<AppServices> {
  const clients = registryClients(profile.accounts, profile.userAgent, profile.proxy);
  // The queue reads the settings, and hears of their changes: built right after them.
  const queueRef: { queue?: TransferQueue } = {};
  const { live: settings, current } = await liveSettings(
    new FileSettingsStore(profile.paths.settings, { onWarning: profile.onWarning }),
    () => queueRef.queue?.settingsChanged(),
  );
  const keyring = new Keyring(profile.paths.keys);
  const digestCache = new FileDigestCache(profile.paths.digestCache);
  const tuning = await FileUploadTuningStore.open(profile.paths.uploadTuning);
  const listeners = new Set<(record: JobRecord) => void>();
  const transfers = new TransferQueue({
    run: createJobRunner({
      clientFor: clients.clientFor,
      digestCache,
      tuning,
      uploadSessions: new FileUploadSessionStore(profile.paths.uploadSessions),
      keyring: { keyring, dir: profile.paths.keys },
      pullConnections: () => current().pullConnections,
    }),
    history: new FileJobHistory(profile.paths.transfers, profile.onWarning),
    concurrency: () => current().concurrency,
    historySize: () => current().historySize,
    onChange: (record) => listeners.forEach((listener) => listener(record)),
    onWarning: profile.onWarning,
  });
  queueRef.queue = transfers;
  await transfers.restore();
  const uploads = new TemporaryUploads(profile.paths.uploads);
  listeners.add((record) => uploads.changed(record));
  await uploads.sweep(transfers.list());
  const accounts: AccountsDeps = {
    service: profile.accounts,
    storage: profile.storage,
    clients,
    findLogins: profile.findLogins,
  };
  return {
    profile,
    clients,
    settings,
    keyring,
    digestCache,
    tuning,
    transfers,
    close: async () => {
      await transfers.close();
      await uploads.sweep(transfers.list());
    },
    handlers: (host) =>
      createHandlers({
        clientFor: clients.clientFor,
        accounts,
        emit: host.emit,
        notifier: host.notifier,
        desktop: host.desktop,
        transfers,
        onTransferChange: (listener) => listeners.add(listener),
        listTags: (client, repository) => listTags(client, repository),
        listRepositories: (client) => listRepositories(client),
        settings,
        keys: { keyring, dir: profile.paths.keys },
        info: {
          version: profile.version,
          platform: process.platform,
          profileDir: profile.paths.dir,
          proxy: profile.proxy,
          env: process.env,
        },
      }),
  };
}

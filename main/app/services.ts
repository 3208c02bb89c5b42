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
import type { AccountsDeps } from './accounts-handlers.js';
import type { DesktopHooks } from './desktop-hooks.js';
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
  /** The contract's handler table, bound to one host's events and notifications. */
  handlers(host: HostHooks): Handlers;
}

/**
 * The composition root of every front end that serves the window (STYLE §11): the desktop
 * shell (`main/index.ts`), the browser mode (`main/web.ts`) and the tests all call this, so
 * each gets the same services with every dependency present.
 */
export async function createAppServices(profile: AppProfile): Promise<AppServices> {
  const clients = registryClients(profile.accounts, profile.userAgent, profile.proxy);
  const settings = new FileSettingsStore(profile.paths.settings, {
    onWarning: profile.onWarning,
  });
  const keyring = new Keyring(profile.paths.keys);
  const digestCache = new FileDigestCache(profile.paths.digestCache);
  const tuning = await FileUploadTuningStore.open(profile.paths.uploadTuning);
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
    handlers: (host) =>
      createHandlers({
        clientFor: clients.clientFor,
        accounts,
        emit: host.emit,
        notifier: host.notifier,
        desktop: host.desktop,
        digestCache,
        tuning,
        listTags: (client, repository) => listTags(client, repository),
        listRepositories: (client) => listRepositories(client),
        settings,
        keys: { keyring, dir: profile.paths.keys },
      }),
  };
}

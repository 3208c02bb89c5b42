import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyringDeps } from '../../main/app/keys-handlers.js';
import { Keyring } from '../../main/engine/keys/index.js';
import { sessionAccounts } from '../../main/app/session-accounts.js';
import {
  createAppServices,
  type AppProfile,
  type AppServices,
} from '../../main/app/services.js';
import { profilePaths } from '../../main/engine/profile/profile-layout.js';
import { createHandlers, NO_NOTIFICATIONS, type HandlerDeps } from '../../main/app/handlers.js';
import type { EventSink, Handlers } from '../../main/app/dispatch.js';
import { BROWSER_DESKTOP_HOOKS } from '../../main/app/desktop-hooks.js';
import { listRepositories, listTags } from '../../main/engine/registry/listing.js';
import { MemoryUploadTuningStore } from '../../main/engine/registry/upload-tuning.js';
import { MemoryDigestCache } from '../../main/engine/transfers/digest-cache.js';
import { MemorySettingsStore } from '../../main/engine/settings/settings-store.js';
import type { JobRecord } from '../../main/engine/transfers/queue/job.js';
import { MemoryJobHistory } from '../../main/engine/transfers/queue/job-history.js';
import { createJobRunner } from '../../main/engine/transfers/queue/run-job.js';
import { TransferQueue } from '../../main/engine/transfers/queue/transfer-queue.js';
import { MemoryUploadSessionStore } from '../../main/engine/transfers/upload-sessions.js';

/**
 * A keyring in a folder that is never created: lists empty, and a test that stores keys
 * passes its own (`keys: { keyring, dir }` over a temporary folder).
 */
function unusedKeyring(): KeyringDeps {
  const dir = join(tmpdir(), `sifport-no-keyring-${process.pid}-${randomUUID()}`);
  return { keyring: new Keyring(dir), dir };
}

/**
 * Handler dependencies for tests: accounts kept in memory, memory caches, no notifications,
 * the engine's real listing, and whatever `overrides` replaces. Every dependency is present,
 * as in the app; tests change only what they are about.
 */
export function testHandlerDeps(
  overrides: Partial<HandlerDeps> & { emit: EventSink },
): HandlerDeps {
  const session = sessionAccounts();
  const clientFor = overrides.clientFor ?? session.clientFor;
  const keys = overrides.keys ?? unusedKeyring();
  const listeners = new Set<(record: JobRecord) => void>();
  const transfers = new TransferQueue({
    run: createJobRunner({
      clientFor: (registry, connection, repository) => clientFor(registry, connection, repository),
      digestCache: new MemoryDigestCache(),
      tuning: new MemoryUploadTuningStore(),
      uploadSessions: new MemoryUploadSessionStore(),
      keyring: keys,
    }),
    history: new MemoryJobHistory(),
    concurrency: () => 2,
    historySize: () => 500,
    onChange: (record) => listeners.forEach((listener) => listener(record)),
  });
  return {
    accounts: session.accounts,
    clientFor,
    transfers,
    onTransferChange: (listener) => listeners.add(listener),
    notifier: NO_NOTIFICATIONS,
    listTags: (client, repository) => listTags(client, repository),
    listRepositories: (client) => listRepositories(client),
    settings: new MemorySettingsStore(),
    desktop: BROWSER_DESKTOP_HOOKS,
    info: {
      version: '0.0.0-test',
      platform: process.platform,
      profileDir: join(tmpdir(), 'sifport-test-profile'),
      proxy: {},
      env: {},
      home: join(tmpdir(), 'sifport-test-home'),
    },
    ...overrides,
    keys,
  };
}

/** A handler-table factory for `startLoopbackHost`, over {@link testHandlerDeps}. */
export function testHandlers(overrides: Partial<HandlerDeps> = {}): (emit: EventSink) => Handlers {
  return (emit) => createHandlers(testHandlerDeps({ ...overrides, emit }));
}

/** What a test may change of {@link testAppServices}' profile. */
export interface TestAppOptions {
  /** The logins the import screen finds (none by default). */
  readonly findLogins?: AppProfile['findLogins'];
}

/**
 * The app's real services (`createAppServices`) over a throw-away profile in `dir`: accounts
 * and secrets in memory, everything else in files as in the browser mode. For tests of a
 * whole host (uploads, history, settings).
 */
export async function testAppServices(
  dir: string,
  options: TestAppOptions = {},
): Promise<AppServices> {
  const session = sessionAccounts();
  return createAppServices({
    paths: profilePaths(dir),
    accounts: session.accounts.service,
    storage: session.accounts.storage,
    findLogins: options.findLogins ?? (async () => []),
    version: '0.0.0-test',
    userAgent: 'sifport-test',
    proxy: {},
    onWarning: () => undefined,
  });
}

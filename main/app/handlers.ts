import { randomUUID } from 'node:crypto';
import { toSifportError } from '../engine/errors.js';
import type { RegistryClient } from '../engine/registry/client.js';
import { parseReference, parseRegistry } from '../engine/registry/reference.js';
import type { UploadTuningStore } from '../engine/registry/upload-tuning.js';
import type { DigestCache } from '../engine/transfers/digest-cache.js';
import { pullSif } from '../engine/transfers/pull.js';
import { pushSif } from '../engine/transfers/push.js';
import { describePush } from '../engine/transfers/push-summary.js';
import { createAccountHandlers, type AccountsDeps } from './accounts-handlers.js';
import type { ConnectionOptions } from './connection-options.js';
import { checkedEvent, type EventSink, type Handlers } from './dispatch.js';
import { createSettingsHandlers } from './settings-handlers.js';
import type { SettingsStore } from '../engine/settings/settings-store.js';
import type { DesktopHooks } from './desktop-hooks.js';
import { createDesktopHandlers } from './desktop-handlers.js';
import { createKeysHandlers, type KeyringDeps } from './keys-handlers.js';
import { createRegistryHandlers } from './registry-handlers.js';
import { createSifHandlers } from './sif-handlers.js';

export type { ConnectionOptions } from './connection-options.js';

/** What the handlers need; the Electron shell, the loopback host and tests each supply it. */
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
  readonly digestCache: DigestCache;
  readonly tuning: UploadTuningStore;
  /** Told when a transfer ends; decides whether a desktop notification shows. */
  readonly notifier: TransferNotifier;
  readonly listTags: (client: RegistryClient, repository: string) => Promise<string[]>;
  readonly listRepositories: (client: RegistryClient) => Promise<string[]>;
  readonly settings: SettingsStore;
  /** Native dialogs and reveal (the browser mode refuses them with what to do instead). */
  readonly desktop: DesktopHooks;
  /** The profile's OpenPGP keyring (the CLI's `CONFIG_DIR/keys`), for signing and verifying. */
  readonly keys: KeyringDeps;
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

/** Builds the handler table; transfers run in the background and report through events. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const jobs = new Map<string, AbortController>();

  function startJob(
    kind: 'push' | 'pull',
    reference: string,
    work: (
      signal: AbortSignal,
      jobId: string,
    ) => Promise<{ digest?: string; path?: string; summary?: string }>,
  ): { jobId: string } {
    const jobId = randomUUID();
    const controller = new AbortController();
    jobs.set(jobId, controller);
    work(controller.signal, jobId)
      .then(
        (done) => {
          deps.emit(
            'transfer:finished',
            checkedEvent('transfer:finished', { jobId, kind, reference, ok: true, ...done }),
          );
          void deps.notifier.finished({
            jobId,
            ok: true,
            title: `${kind === 'push' ? 'Pushed' : 'Pulled'} ${reference}`,
            body: [done.summary, done.digest ?? done.path].filter(Boolean).join(': '),
          });
        },
        (err: unknown) => {
          const error = toSifportError(err).toInfo();
          deps.emit(
            'transfer:finished',
            checkedEvent('transfer:finished', { jobId, kind, reference, ok: false, error }),
          );
          void deps.notifier.finished({
            jobId,
            ok: false,
            title: `${kind === 'push' ? 'Push' : 'Pull'} failed: ${reference}`,
            body: error.message,
          });
        },
      )
      .finally(() => jobs.delete(jobId));
    return { jobId };
  }

  const progress =
    (jobId: string) =>
    (p: {
      phase: string;
      bytesDone: number;
      bytesTotal: number;
      rate: number;
      etaSeconds: number | undefined;
    }) =>
      deps.emit('transfer:progress', { jobId, ...p, etaSeconds: p.etaSeconds });

  return {
    'registry:tags': async (req) => {
      const ref = parseReference(req.repository);
      const client = await deps.clientFor(ref.registry, req, ref.repository);
      return { tags: await deps.listTags(client, ref.repository) };
    },
    'registry:repos': async (req) => {
      const client = await deps.clientFor(parseRegistry(req.registry), req);
      return { repositories: await deps.listRepositories(client) };
    },
    'transfer:push': async (req) => {
      const reference = parseReference(req.reference);
      const client = await deps.clientFor(reference.registry, req, reference.repository);
      return startJob('push', req.reference, async (signal, jobId) => {
        const result = await pushSif({
          client,
          file: req.file,
          reference,
          signal,
          digestCache: deps.digestCache,
          tuning: deps.tuning,
          onProgress: progress(jobId),
        });
        return { digest: result.manifestDigest, summary: describePush(result) };
      });
    },
    'transfer:pull': async (req) => {
      const reference = parseReference(req.reference);
      const client = await deps.clientFor(reference.registry, req, reference.repository);
      return startJob('pull', req.reference, async (signal, jobId) => {
        const result = await pullSif({
          client,
          reference,
          destination: req.destination,
          force: req.force,
          signal,
          onProgress: progress(jobId),
        });
        return { digest: result.manifestDigest, path: result.path };
      });
    },
    'transfer:cancel': async (req) => {
      const job = jobs.get(req.jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
    ...createAccountHandlers({ ...deps.accounts, emit: deps.emit }),
    ...createSettingsHandlers(deps.settings, deps.emit),
    ...createRegistryHandlers(deps),
    ...createSifHandlers(deps.keys.keyring),
    ...createKeysHandlers(deps.keys),
    ...createDesktopHandlers(deps.desktop),
  };
}

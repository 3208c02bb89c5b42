import { describeManifest } from '../engine/registry/artifact/manifest-details.js';
import { readManifestDocument } from '../engine/registry/artifact/manifest-document.js';
import { deleteImage, mapLimit } from '../engine/registry/delete.js';
import { previewDelete } from '../engine/registry/delete-preview.js';
import { formatReference, parseReference } from '../engine/registry/reference.js';
import { toSifportError, SifportError } from '../engine/errors.js';
import { peekRemoteSif } from '../engine/transfers/remote-inspect.js';
import type { Handlers } from './dispatch.js';
import type { HandlerDeps } from './handlers.js';
import { inspectReportView, withSifErrors } from './sif-view.js';
import type { ConnectionOptions } from './connection-options.js';
import { windowWording } from './window-error-text.js';
import type { RegistryClient } from '../engine/registry/client.js';
import type { Reference } from '../engine/registry/reference.js';

/** Tags described at once by `registry:details` (the grid asks for up to 100 per call). */
export const DETAILS_CONCURRENCY = 6;

/** The explorer's registry channels, besides `registry:tags` and `registry:repos`. */
export type RegistryHandlers = Pick<
  Handlers,
  'registry:manifest' | 'registry:peek' | 'registry:details' | 'registry:delete'
>;

/** The manifest bytes as UTF-8 when that round-trips exactly, else base64. */
function rawText(bytes: Buffer): { raw: string; rawEncoding: 'utf8' | 'base64' } {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes)
    ? { raw: text, rawEncoding: 'utf8' }
    : { raw: bytes.toString('base64'), rawEncoding: 'base64' };
}

/**
 * The explorer's Manifest/Config and SIF tabs, the tag grid's details and Delete (UI.md S5,
 * S6, S8). Each calls the engine function the CLI uses for the same thing, with a client
 * logged in with the account for the repository.
 */
export function createRegistryHandlers(deps: Pick<HandlerDeps, 'clientFor'>): RegistryHandlers {
  /** Runs `work` with a client logged in for the reference's repository, closed after. */
  const withRef = async <T>(
    reference: string,
    options: ConnectionOptions,
    work: (ref: Reference, client: RegistryClient) => Promise<T>,
  ): Promise<T> => {
    const ref = parseReference(reference);
    const client = await deps.clientFor(ref.registry, options, ref.repository);
    try {
      return await work(ref, client);
    } finally {
      client.close?.();
    }
  };

  return {
    'registry:manifest': (req) =>
      withRef(req.reference, req, async (ref, client) => {
        const doc = await readManifestDocument(
          client,
          ref.repository,
          ref.digest ?? ref.tag ?? 'latest',
        );
        return {
          digest: doc.digest,
          mediaType: doc.mediaType,
          size: doc.bytes.length,
          manifest: doc.json,
          ...rawText(doc.bytes),
          config: doc.config,
        };
      }),
    'registry:peek': (req) =>
      withRef(req.reference, req, async (ref, client) => {
        const peek = await withSifErrors(() => peekRemoteSif(client, ref, { arch: req.arch }));
        return {
          manifestDigest: peek.manifestDigest,
          layer: { digest: peek.layer.digest, size: peek.layer.size },
          bytesRead: peek.stats.bytesFetched,
          totalBytes: peek.layer.size,
          requests: peek.stats.requests,
          wholeBlob: peek.stats.wholeBlob,
          report: inspectReportView(peek.report),
        };
      }),
    'registry:details': (req) =>
      withRef(req.repository, req, async (ref, client) => {
        const details = await mapLimit(req.tags, DETAILS_CONCURRENCY, async (tag) => {
          try {
            const d = await describeManifest(client, ref.repository, tag);
            return {
              tag,
              ok: true as const,
              kind: d.kind,
              digest: d.digest,
              mediaType: d.mediaType,
              size: d.size,
              created: d.created,
              isSif: d.isSif,
              title: d.isSif ? d.layers[0]?.title : undefined,
              platforms: d.manifests.flatMap((m) => m.platform ?? []),
            };
          } catch (err) {
            const { code, message } = toSifportError(err);
            return { tag, ok: false as const, error: { code, message: windowWording(message) } };
          }
        });
        return { details };
      }),
    'registry:delete': (req) =>
      withRef(req.reference, req, async (ref, client) => {
        if (req.dryRun) {
          const preview = await previewDelete(
            client,
            ref.repository,
            ref.digest ?? ref.tag ?? 'latest',
          );
          return { digest: preview.digest, tags: [...preview.tags], deleted: false };
        }
        if (ref.digest === undefined) {
          throw new SifportError(
            'USAGE',
            `Deleting works by digest, and every tag on it goes too: ask for a dry run of ${formatReference(ref)} to get its digest and tags, then delete oras://${ref.registry}/${ref.repository}@DIGEST.`,
          );
        }
        const result = await deleteImage(client, ref.repository, ref.digest);
        return { digest: result.digest, tags: [...result.removedTags], deleted: true };
      }),
  };
}

import { SifportError } from '../errors.js';
import type { RegistryClient } from './client.js';
import { tagsPointingAt } from './delete.js';
import { resolveManifest } from './manifests.js';

/** What deleting a tag's or digest's manifest would take with it. */
export interface DeletePreview {
  /** The manifest digest a delete removes. */
  readonly digest: string;
  /** Every tag that points at it now and would go too, sorted. */
  readonly tags: readonly string[];
}

/**
 * The dry run of a delete (UI.md S8 "Delete"): resolves a tag or digest to its manifest
 * digest and lists every tag on it, so the window can say "Removes 0.7.18 only" or list the
 * tags lost. Nothing is changed; NOT_FOUND when the reference does not exist.
 */
export async function previewDelete(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal?: AbortSignal,
): Promise<DeletePreview> {
  const digest = await resolveManifest(client, repository, reference, signal);
  if (digest === undefined) {
    throw new SifportError(
      'NOT_FOUND',
      `${client.registry}/${repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference} does not exist.`,
      { status: 404 },
    );
  }
  return { digest, tags: await tagsPointingAt(client, repository, digest, signal) };
}

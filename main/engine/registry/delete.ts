import { SifportError, isSifportError } from '../errors.js';
import type { RegistryClient } from './client.js';
import { listTags } from './listing.js';
import { deleteManifest, resolveManifest } from './manifests.js';

/** How many tags are resolved at once when looking for those that share a digest. */
export const TAG_RESOLVE_CONCURRENCY = 8;

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** What {@link deleteImage} removed. */
export interface DeleteResult {
  readonly digest: string;
  /** Tags that pointed at the digest and went with it, sorted. */
  readonly removedTags: readonly string[];
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep their order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The tags of `repository` that currently point at `digest` (each tag HEADed, a bounded
 * number at a time). A repository without a tag list counts as having no tags.
 */
export async function tagsPointingAt(
  client: RegistryClient,
  repository: string,
  digest: string,
  signal?: AbortSignal,
): Promise<string[]> {
  let tags: string[];
  try {
    tags = await listTags(client, repository, { signal });
  } catch (err) {
    if (isSifportError(err, 'NOT_FOUND')) return [];
    throw err;
  }
  const resolved = await mapLimit(tags, TAG_RESOLVE_CONCURRENCY, (tag) =>
    resolveManifest(client, repository, tag, signal),
  );
  return tags.filter((_, i) => resolved[i] === digest).sort();
}

/**
 * Deletes a manifest by digest (oras.md §1.4, §3.5): checks it exists, finds the tags that
 * point at it *before* deleting (they all disappear with it), then `DELETE`s by digest.
 * Deleting by tag is not offered: distribution refuses it, and it would hide that other
 * tags sharing the digest go too.
 */
export async function deleteImage(
  client: RegistryClient,
  repository: string,
  digest: string,
  signal?: AbortSignal,
): Promise<DeleteResult> {
  if (!DIGEST_RE.test(digest)) {
    throw new SifportError(
      'REFERENCE_INVALID',
      `Deleting needs a manifest digest (sha256: and 64 hex digits), not "${digest}".`,
    );
  }
  const exists = await resolveManifest(client, repository, digest, signal);
  if (exists === undefined) {
    throw new SifportError(
      'NOT_FOUND',
      `${client.registry}/${repository}@${digest} does not exist; nothing was deleted.`,
      { status: 404 },
    );
  }
  const removedTags = await tagsPointingAt(client, repository, digest, signal);
  await deleteManifest(client, repository, digest, signal);
  return { digest, removedTags };
}

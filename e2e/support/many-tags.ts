import { mapLimit } from '../../main/engine/registry/delete.js';
import { SifportError } from '../../main/engine/errors.js';
import type { RegistryClient } from '../../main/engine/registry/client.js';
import { listTags } from '../../main/engine/registry/listing.js';
import { getManifest, putManifest } from '../../main/engine/registry/manifests.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pushSif } from '../../main/engine/transfers/push.js';

/** What {@link seedManyTags} did. */
export interface SeededTags {
  /** `prefix1` … `prefixN`, in that order. */
  readonly tags: readonly string[];
  readonly manifestDigest: string;
  /** Tags written now (0 when the repository already had them all). */
  readonly written: number;
}

/** Options of {@link seedManyTags}. */
export interface SeedOptions {
  readonly count: number;
  /** The SIF every tag points to (pushed once). */
  readonly file: string;
  /** Tag names are `${prefix}${i}`, i from 1: "build-2" sorts before "build-10" numerically. */
  readonly prefix?: string;
  /** Manifest PUTs in flight. */
  readonly concurrency?: number;
}

async function existingTags(client: RegistryClient, repository: string): Promise<Set<string>> {
  try {
    return new Set(await listTags(client, repository));
  } catch (err) {
    if (err instanceof SifportError && err.code === 'NOT_FOUND') return new Set();
    throw err;
  }
}

/**
 * A repository with many tags for the explorer's tests and bench (UI.md S5: 10,000 tags):
 * one small SIF pushed once, then its manifest PUT under every missing tag, concurrently,
 * through the engine's registry client. Tags already there are not written again, so a bed
 * seeded by one test file is reused by the next.
 */
export async function seedManyTags(
  client: RegistryClient,
  repository: string,
  options: SeedOptions,
): Promise<SeededTags> {
  const prefix = options.prefix ?? 'build-';
  const tags = Array.from({ length: options.count }, (_, i) => `${prefix}${i + 1}`);
  const have = await existingTags(client, repository);
  if (!have.has(tags[0]!)) {
    const reference = parseReference(`oras://${client.registry}/${repository}:${tags[0]}`);
    await pushSif({ client, file: options.file, reference });
  }
  const manifest = await getManifest(client, repository, tags[0]!);
  const missing = tags.filter((t) => !have.has(t) && t !== tags[0]);
  await mapLimit(missing, options.concurrency ?? 16, (tag) =>
    putManifest(client, repository, tag, manifest.bytes, manifest.mediaType),
  );
  return { tags, manifestDigest: manifest.digest, written: missing.length };
}

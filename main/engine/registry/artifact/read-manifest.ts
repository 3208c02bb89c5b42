import type { RegistryClient } from '../client.js';
import { getManifest, type FetchedManifest } from '../manifests.js';
import { parseManifest, type ParsedManifest } from './sif-layer.js';

/** A manifest fetched by {@link readManifest}: the exact bytes, and what they say. */
export interface ReadManifest {
  /** Exact bytes, digest and `Content-Type`, as {@link getManifest} returned them. */
  readonly fetched: FetchedManifest;
  readonly parsed: ParsedManifest;
  /** The bytes parsed as JSON, unchecked beyond being an object. */
  readonly json: { readonly mediaType?: unknown; readonly annotations?: unknown };
  /** The manifest's `mediaType` field, or its `Content-Type` when the field is absent. */
  readonly mediaType: string;
}

/**
 * Fetches a manifest by tag or digest (oras.md §3.5) and reads it as an image or an index,
 * with the media type the window and `sifport inspect` show for it: the one reading behind
 * both the explorer's summary ({@link describeManifest}) and the Manifest tab.
 */
export async function readManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal?: AbortSignal,
): Promise<ReadManifest> {
  const fetched = await getManifest(client, repository, reference, signal);
  const parsed = parseManifest(fetched.bytes, fetched.mediaType);
  const json = JSON.parse(fetched.bytes.toString('utf8')) as ReadManifest['json'];
  const mediaType = typeof json.mediaType === 'string' ? json.mediaType : fetched.mediaType;
  return { fetched, parsed, json, mediaType };
}

import type { RegistryClient } from '../registry/client.js';
import type { Descriptor } from '../registry/artifact/sif-layer.js';
import { openRemoteBlobSource, type RemoteFetchStats } from '../registry/range-source.js';
import type { Reference } from '../registry/reference.js';
import { inspectImage, loadSif, type InspectReport, type SifImage } from '../sif/index.js';
import { resolveSifLayer } from './resolve-layer.js';

/** What {@link peekRemoteSif} read of a SIF in a registry. */
export interface RemotePeek {
  /** Digest of the image manifest that lists the SIF layer. */
  readonly manifestDigest: string;
  /** The SIF layer: its digest and full size in bytes. */
  readonly layer: Descriptor;
  /** The loaded image, for callers that print the object table. */
  readonly image: SifImage;
  readonly report: InspectReport;
  /** Requests and bytes the whole peek cost (compare with `layer.size`). */
  readonly stats: RemoteFetchStats;
}

/** Options of {@link peekRemoteSif}. */
export interface PeekOptions {
  /** Architecture to pick from an image index (default: this machine's). */
  readonly arch?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Remote inspect (the CLI's `inspect oras://…` and the window's SIF tab): resolves the SIF
 * layer as a pull would, then parses it through HTTP Range reads, so only the header, the
 * descriptor table and the small objects inspect reads are fetched, never the image.
 */
export async function peekRemoteSif(
  client: RegistryClient,
  reference: Reference,
  options: PeekOptions = {},
): Promise<RemotePeek> {
  const { layer, manifestDigest } = await resolveSifLayer(
    client,
    reference,
    options.arch,
    options.signal,
  );
  const source = openRemoteBlobSource(client, reference.repository, layer.digest, layer.size, {
    signal: options.signal,
  });
  const image = await loadSif(source);
  const report = await inspectImage(image);
  return { manifestDigest, layer, image, report, stats: source.stats };
}

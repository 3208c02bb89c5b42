import { SifportError } from '../../errors.js';
import { openBlob } from '../blobs.js';
import type { RegistryClient } from '../client.js';
import { sha256Digest } from '../manifests.js';
import { readBodyBytes } from '../read-body.js';
import { readManifest } from './read-manifest.js';
import type { Descriptor } from './sif-layer.js';

/** Config blobs read for the Config tab, at most this many bytes (configs are tiny). */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** The config blob of an image manifest, as far as it could be read. */
export interface ConfigDocument {
  readonly digest: string;
  readonly mediaType: string;
  /** Bytes the manifest declares. */
  readonly size: number;
  /** The blob parsed as JSON, when it was read, verified and is JSON. */
  readonly json?: unknown;
  /** Why `json` is absent (too large, not JSON, not fetchable), in one sentence. */
  readonly note?: string;
}

/** A manifest exactly as the registry serves it, for the Manifest and Config tabs. */
export interface ManifestDocument {
  readonly digest: string;
  /** The manifest's `mediaType` field, or its `Content-Type` when the field is absent. */
  readonly mediaType: string;
  /** The exact digested bytes. */
  readonly bytes: Buffer;
  /** The bytes parsed as JSON. */
  readonly json: unknown;
  /** The config blob, for image manifests that have one. */
  readonly config: ConfigDocument | undefined;
}

/** The config bytes: inline (`data`, OCI 1.1) or fetched, always checked against the digest. */
async function configBytes(
  client: RegistryClient,
  repository: string,
  descriptor: { digest: string; size: number; data?: unknown },
  signal: AbortSignal | undefined,
): Promise<Buffer> {
  let bytes: Buffer;
  if (typeof descriptor.data === 'string') {
    bytes = Buffer.from(descriptor.data, 'base64');
  } else {
    const { response } = await openBlob(client, repository, descriptor.digest, 0, signal);
    bytes = await readBodyBytes(response, MAX_CONFIG_BYTES);
  }
  if (sha256Digest(bytes) !== descriptor.digest) {
    throw new SifportError(
      'DIGEST_MISMATCH',
      `The config blob does not match its digest ${descriptor.digest}.`,
    );
  }
  return bytes;
}

async function readConfig(
  client: RegistryClient,
  repository: string,
  descriptor: Descriptor | undefined,
  signal: AbortSignal | undefined,
): Promise<ConfigDocument | undefined> {
  if (descriptor === undefined) return undefined;
  const raw = descriptor as Descriptor & { readonly data?: unknown };
  const base = { digest: raw.digest, mediaType: raw.mediaType, size: raw.size };
  if (raw.size > MAX_CONFIG_BYTES) {
    return {
      ...base,
      note: `The config is ${raw.size} bytes, more than the ${MAX_CONFIG_BYTES} shown.`,
    };
  }
  try {
    const bytes = await configBytes(client, repository, raw, signal);
    return { ...base, json: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch (err) {
    if (err instanceof SyntaxError) return { ...base, note: 'The config blob is not JSON.' };
    if (err instanceof SifportError && err.code !== 'CANCELLED') {
      return { ...base, note: `The config could not be read: ${err.message}` };
    }
    throw err;
  }
}

/**
 * Fetches a manifest by tag or digest with its exact bytes (what the digest is over) and,
 * for an image manifest, its config blob when small (read inline from `data` or fetched, and
 * checked against its digest). A config that cannot be shown says why instead of failing
 * the manifest (UI.md S6 "Manifest / Config").
 */
export async function readManifestDocument(
  client: RegistryClient,
  repository: string,
  reference: string,
  signal?: AbortSignal,
): Promise<ManifestDocument> {
  const manifest = await readManifest(client, repository, reference, signal);
  const config =
    manifest.parsed.kind === 'image'
      ? await readConfig(client, repository, manifest.parsed.config, signal)
      : undefined;
  const { fetched, json, mediaType } = manifest;
  return { digest: fetched.digest, mediaType, bytes: fetched.bytes, json, config };
}

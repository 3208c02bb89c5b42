import { SifportError, isSifportError } from '../errors.js';
import type { RegistryClient } from './client.js';
import { headerValues } from './transport/http.js';
import { getManifest } from './manifests.js';
import { MEDIA_TYPES } from './media-types.js';
import { fetchPages, readJsonObject } from './paged-list.js';
import { errorFromResponse } from './transport/response-error.js';
import { pullScope } from './auth/scopes.js';

/** One manifest that refers to a subject (a signature, an SBOM, …). */
export interface Referrer {
  readonly mediaType: string;
  readonly digest: string;
  /** Bytes of the referring manifest. */
  readonly size: number;
  /** The manifest's `artifactType`, or else its config media type (oras.md §3.8). */
  readonly artifactType: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
}

/** Options of {@link listReferrers}. */
export interface ReferrersOptions {
  /** Only referrers of this artifact type (filtered here when the registry does not). */
  readonly artifactType?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

const DIGEST_RE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/**
 * The tag of the referrers tag schema for `digest` (oras.md §3.8): `<alg>-<hex>` with the
 * algorithm cut to 32 characters, the encoded part to 64, other characters replaced by `-`.
 */
export function referrersTagFor(digest: string): string {
  const colon = digest.indexOf(':');
  const alg = digest.slice(0, colon).slice(0, 32);
  const encoded = digest.slice(colon + 1).slice(0, 64);
  return `${alg}-${encoded}`.replace(/[^a-zA-Z0-9_.-]/g, '-');
}

function toReferrers(manifests: unknown, what: string): Referrer[] {
  if (manifests === null || manifests === undefined) return [];
  if (!Array.isArray(manifests)) {
    throw new SifportError(
      'MANIFEST_INVALID',
      `${what}: the referrers index has no manifest list.`,
    );
  }
  return manifests.map((entry: unknown) => {
    const d = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof d['digest'] !== 'string' || typeof d['size'] !== 'number') {
      throw new SifportError('MANIFEST_INVALID', `${what}: a referrer descriptor is malformed.`);
    }
    const annotations: Record<string, string> = {};
    const raw = d['annotations'];
    if (typeof raw === 'object' && raw !== null) {
      for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') annotations[k] = v;
    }
    return {
      mediaType: typeof d['mediaType'] === 'string' ? d['mediaType'] : '',
      digest: d['digest'],
      size: d['size'],
      artifactType: typeof d['artifactType'] === 'string' ? d['artifactType'] : undefined,
      annotations,
    };
  });
}

function filterByType(list: Referrer[], artifactType: string | undefined): Referrer[] {
  return artifactType === undefined ? list : list.filter((r) => r.artifactType === artifactType);
}

/**
 * Lists the manifests whose `subject` is `digest` (oras.md §3.8): the referrers API with
 * `Link` pagination, filtering by `artifactType` here unless the registry says it did
 * (`OCI-Filters-Applied`). A registry without the API answers 404; then the tag schema is
 * read (`sha256-<hex>` holding an index), and a missing tag means no referrers.
 */
export async function listReferrers(
  client: RegistryClient,
  repository: string,
  digest: string,
  options: ReferrersOptions = {},
): Promise<Referrer[]> {
  if (!DIGEST_RE.test(digest)) {
    throw new SifportError('REFERENCE_INVALID', `"${digest}" is not a digest.`);
  }
  const { artifactType, signal } = options;
  const what = `Listing the referrers of ${client.registry}/${repository}@${digest}`;
  const query =
    artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`;
  let apiMissing = false;
  try {
    return await fetchPages({
      client,
      path: `/v2/${repository}/referrers/${digest}${query}`,
      scopes: [pullScope(repository)],
      headers: { accept: MEDIA_TYPES.ociIndex },
      what,
      signal,
      readPage: async (res) => {
        const list = toReferrers((await readJsonObject(res, what))['manifests'], what);
        const applied = headerValues(res.headers, 'oci-filters-applied')
          .flatMap((v) => v.split(','))
          .map((v) => v.trim());
        return applied.includes('artifactType') ? list : filterByType(list, artifactType);
      },
      onError: async (res, index) => {
        const err = await errorFromResponse(res, what);
        if (res.status === 404 && index === 0) apiMissing = true;
        return err;
      },
    });
  } catch (err) {
    if (!apiMissing) throw err;
  }
  return referrersFromTag(client, repository, digest, artifactType, signal);
}

async function referrersFromTag(
  client: RegistryClient,
  repository: string,
  digest: string,
  artifactType: string | undefined,
  signal: AbortSignal | undefined,
): Promise<Referrer[]> {
  const tag = referrersTagFor(digest);
  const what = `Reading the referrers tag ${client.registry}/${repository}:${tag}`;
  let bytes: Buffer;
  try {
    bytes = (await getManifest(client, repository, tag, signal)).bytes;
  } catch (err) {
    if (isSifportError(err, 'NOT_FOUND')) return [];
    throw err;
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new SifportError('MANIFEST_INVALID', `${what}: it is not valid JSON.`);
  }
  if (!Array.isArray(json['manifests'])) {
    throw new SifportError(
      'MANIFEST_INVALID',
      `${what}: the tag holds a manifest, not an index, so it is not a referrers list.`,
    );
  }
  return filterByType(toReferrers(json['manifests'], what), artifactType);
}

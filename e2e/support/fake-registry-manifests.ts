import type { FakeContext } from './fake-registry-context.js';
import type { FakeRepository, StoredManifest } from './fake-registry-store.js';
import { isDigest, sendEmpty, sendJson, sendOciError, sha256Digest } from './oci-http.js';
import { nextLink, paginate, parsePageQuery } from './pagination.js';

const ociIndex = 'application/vnd.oci.image.index.v1+json';

interface Descriptor {
  readonly digest?: unknown;
  readonly mediaType?: unknown;
}

interface ManifestJson {
  readonly mediaType?: unknown;
  readonly artifactType?: unknown;
  readonly config?: Descriptor;
  readonly layers?: readonly Descriptor[];
  readonly manifests?: readonly Descriptor[];
  readonly subject?: Descriptor;
  readonly annotations?: Record<string, string>;
}

function resolve(repo: FakeRepository | undefined, reference: string): StoredManifest | undefined {
  const digest = isDigest(reference) ? reference : repo?.tags.get(reference);
  return digest === undefined ? undefined : repo?.manifests.get(digest);
}

/** Digests a manifest points at that must already exist in the repository. */
function missingReferences(repo: FakeRepository | undefined, manifest: ManifestJson): string[] {
  const blobs = [manifest.config, ...(manifest.layers ?? [])];
  const missing: string[] = [];
  for (const d of blobs) {
    if (typeof d?.digest === 'string' && repo?.blobs.has(d.digest) !== true) missing.push(d.digest);
  }
  for (const d of manifest.manifests ?? []) {
    if (typeof d.digest === 'string' && repo?.manifests.has(d.digest) !== true)
      missing.push(d.digest);
  }
  return missing;
}

async function putManifest(ctx: FakeContext, reference: string): Promise<void> {
  const bytes = await ctx.body();
  if (bytes === undefined) return;
  const digest = sha256Digest(bytes);
  if (isDigest(reference) && reference !== digest) {
    return sendOciError(ctx.res, 400, 'DIGEST_INVALID', 'manifest digest does not match the body');
  }
  const contentType = ctx.req.headers['content-type']?.split(';')[0]?.trim() ?? '';
  let manifest: ManifestJson;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as ManifestJson;
  } catch {
    return sendOciError(ctx.res, 400, 'MANIFEST_INVALID', 'manifest is not JSON');
  }
  if (
    contentType === '' ||
    (manifest.mediaType !== undefined && manifest.mediaType !== contentType)
  ) {
    return sendOciError(ctx.res, 400, 'MANIFEST_INVALID', 'Content-Type must equal the mediaType');
  }
  const existing = ctx.store.repository(ctx.name, false);
  const missing = missingReferences(existing, manifest);
  if (missing.length > 0) {
    return sendOciError(
      ctx.res,
      400,
      'MANIFEST_BLOB_UNKNOWN',
      'blob unknown to registry',
      {},
      { missing },
    );
  }
  const subject =
    typeof manifest.subject?.digest === 'string' ? manifest.subject.digest : undefined;
  const artifactType =
    typeof manifest.artifactType === 'string'
      ? manifest.artifactType
      : typeof manifest.config?.mediaType === 'string'
        ? manifest.config.mediaType
        : undefined;
  const repo = ctx.store.repository(ctx.name, true);
  repo?.manifests.set(digest, {
    digest,
    mediaType: contentType,
    bytes,
    ...(subject === undefined ? {} : { subject }),
    ...(artifactType === undefined ? {} : { artifactType }),
    ...(manifest.annotations === undefined ? {} : { annotations: manifest.annotations }),
  });
  if (!isDigest(reference)) repo?.tags.set(reference, digest);
  sendEmpty(ctx.res, 201, {
    location: `${ctx.origin}/v2/${ctx.name}/manifests/${digest}`,
    'docker-content-digest': digest,
    ...(subject !== undefined && ctx.options.referrers !== false ? { 'oci-subject': subject } : {}),
  });
}

/** `GET|HEAD|PUT|DELETE /v2/<name>/manifests/<tag|digest>`; bytes are stored exactly (§3.5). */
export async function serveManifest(ctx: FakeContext, reference: string): Promise<void> {
  if (ctx.req.method === 'PUT') return putManifest(ctx, reference);
  const repo = ctx.store.repository(ctx.name, false);
  const manifest = resolve(repo, reference);
  if (repo === undefined || manifest === undefined) {
    return sendOciError(ctx.res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown', {}, { reference });
  }
  if (ctx.req.method === 'DELETE') {
    if (isDigest(reference)) {
      repo.manifests.delete(reference);
      for (const [tag, digest] of repo.tags) if (digest === reference) repo.tags.delete(tag);
    } else {
      repo.tags.delete(reference);
    }
    return sendEmpty(ctx.res, 202);
  }
  ctx.res.writeHead(200, {
    'content-type': manifest.mediaType,
    'content-length': manifest.bytes.length,
    'docker-content-digest': manifest.digest,
    etag: `"${manifest.digest}"`,
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : manifest.bytes);
}

function servePage(
  ctx: FakeContext,
  all: string[],
  path: string,
  key: string,
  extra: object,
): void {
  const query = parsePageQuery(ctx.url.searchParams);
  if (!query.ok) return sendOciError(ctx.res, 400, 'PAGINATION_NUMBER_INVALID', query.message);
  const page = paginate(all, query.n, query.last);
  const link =
    page.next !== undefined && query.n !== undefined
      ? { link: nextLink(path, query.n, page.next) }
      : {};
  sendJson(ctx.req, ctx.res, 200, { ...extra, [key]: page.items }, link);
}

/** `GET /v2/<name>/tags/list` honouring `n` and `last`, with a `Link` to the next page (§3.6). */
export function serveTags(ctx: FakeContext): void {
  const repo = ctx.store.repository(ctx.name, false);
  if (repo === undefined)
    return sendOciError(ctx.res, 404, 'NAME_UNKNOWN', 'repository name not known');
  const tags = [...repo.tags.keys()].sort();
  servePage(ctx, tags, `/v2/${ctx.name}/tags/list`, 'tags', { name: ctx.name });
}

/** `GET /v2/_catalog` honouring `n` and `last` (§3.7); `ctx.name` is unused. */
export function serveCatalog(ctx: FakeContext): void {
  servePage(ctx, ctx.store.names(), '/v2/_catalog', 'repositories', {});
}

/**
 * `GET /v2/<name>/referrers/<digest>[?artifactType=]`: an OCI index of the manifests whose
 * `subject` is `digest` (§3.8), or a plain 404 when the option `referrers: false` is set.
 */
export function serveReferrers(ctx: FakeContext, digest: string): void {
  if (ctx.options.referrers === false) {
    ctx.res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    ctx.res.end('404 page not found\n');
    return;
  }
  if (!isDigest(digest)) return sendOciError(ctx.res, 400, 'DIGEST_INVALID', 'invalid digest');
  const filter = ctx.url.searchParams.get('artifactType');
  const manifests = [...(ctx.store.repository(ctx.name, false)?.manifests.values() ?? [])]
    .filter((m) => m.subject === digest)
    .filter((m) => filter === null || m.artifactType === filter)
    .map((m) => ({
      mediaType: m.mediaType,
      digest: m.digest,
      size: m.bytes.length,
      ...(m.artifactType === undefined ? {} : { artifactType: m.artifactType }),
      ...(m.annotations === undefined ? {} : { annotations: m.annotations }),
    }));
  const headers = {
    'content-type': ociIndex,
    ...(filter === null ? {} : { 'oci-filters-applied': 'artifactType' }),
  };
  sendJson(ctx.req, ctx.res, 200, { schemaVersion: 2, mediaType: ociIndex, manifests }, headers);
}

import { SifportError } from '../errors.js';
import type { RegistryClient } from './client.js';
import type { HttpResponse } from './transport/http.js';
import { iteratePages, readJsonObject, stringList, type PagedRequest } from './paged-list.js';
import { errorFromResponse } from './transport/response-error.js';
import { CATALOG_SCOPE, pullScope } from './auth/scopes.js';

/** Page size asked for by default: the largest ECR accepts (oras.md §3.6). */
export const DEFAULT_PAGE_SIZE = 1000;

/** Options of {@link listRepositories} and {@link listTags}. */
export interface ListOptions {
  /** Entries per page (`n`); default {@link DEFAULT_PAGE_SIZE}. */
  readonly pageSize?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Most pages to follow (default 1 000); more is a TOO_LARGE error. */
  readonly maxPages?: number | undefined;
  /** Most entries to collect over all pages (default 100 000); more is a TOO_LARGE error. */
  readonly maxEntries?: number | undefined;
}

async function collect(pages: AsyncIterable<readonly string[]>): Promise<string[]> {
  const all: string[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

function pageSizeOf(options: ListOptions): number {
  const n = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new SifportError('USAGE', `The page size must be a positive integer (got ${n}).`);
  }
  return n;
}

/**
 * The error of a failed page, or `'retry-without-n'` when the registry refused our page
 * size on the first page (`PAGINATION_NUMBER_INVALID`): it is then asked without `n`.
 */
async function pageError(
  res: HttpResponse,
  what: string,
  index: number,
): Promise<SifportError | 'retry-without-n'> {
  const err = await errorFromResponse(res, what);
  const refusedN = res.status === 400 && err.registryCode === 'PAGINATION_NUMBER_INVALID';
  return refusedN && index === 0 ? 'retry-without-n' : err;
}

/** What differs between the catalog and a tag list; see {@link listingPages}. */
interface Listing {
  /** The first page's path, without the query. */
  readonly path: string;
  readonly scopes: readonly string[];
  readonly what: string;
  /** The member of each page's JSON object that holds the names. */
  readonly key: 'repositories' | 'tags';
  readonly onError: PagedRequest<string>['onError'];
}

/** The pages of a listing of names, with the caller's page size, caps and signal. */
function listingPages(
  client: RegistryClient,
  options: ListOptions,
  { path, scopes, what, key, onError }: Listing,
): AsyncGenerator<readonly string[]> {
  return iteratePages({
    client,
    path: `${path}?n=${pageSizeOf(options)}`,
    scopes,
    what,
    signal: options.signal,
    maxPages: options.maxPages,
    maxEntries: options.maxEntries,
    readPage: async (res) => stringList((await readJsonObject(res, what))[key], what),
    onError,
  });
}

/** The error for a registry that will not list its repositories. */
function noListing(registry: string, code: 'UNSUPPORTED' | 'DENIED', why: string): SifportError {
  return new SifportError(
    code,
    `${registry} does not offer a repository listing${why}. Type the repository name instead (e.g. \`sifport tags oras://${registry}/REPOSITORY\`).`,
  );
}

/**
 * Lists every repository of a registry: `GET /v2/_catalog?n=…` with scope
 * `registry:catalog:*`, following `Link` pages (oras.md §3.7). The catalog is not part of
 * the OCI spec and hosted registries often refuse it; 401/403/404/405 become an error that
 * says so and asks for the repository name instead. Collects {@link iterateRepositories}.
 */
export async function listRepositories(
  client: RegistryClient,
  options: ListOptions = {},
): Promise<string[]> {
  return collect(iterateRepositories(client, options));
}

/**
 * The repositories of a registry page by page, as {@link listRepositories} reads them, so a
 * caller can print each page at once; ends with TOO_LARGE past the page or entry cap.
 */
export async function* iterateRepositories(
  client: RegistryClient,
  options: ListOptions = {},
): AsyncGenerator<readonly string[]> {
  const what = `Listing the repositories of ${client.registry}`;
  try {
    yield* listingPages(client, options, {
      path: '/v2/_catalog',
      scopes: [CATALOG_SCOPE],
      what,
      key: 'repositories',
      onError: async (res, index) => {
        if (res.status === 404 || res.status === 405) {
          await res.discard();
          return noListing(
            client.registry,
            'UNSUPPORTED',
            ` (HTTP ${res.status} for /v2/_catalog)`,
          );
        }
        if (res.status === 403) {
          await res.discard();
          return noListing(client.registry, 'DENIED', ' to this account (HTTP 403)');
        }
        return pageError(res, what, index);
      },
    });
  } catch (err) {
    if (!(err instanceof SifportError) || err.status !== 401) throw err;
    if (err.code === 'DENIED') {
      throw noListing(
        client.registry,
        'DENIED',
        ' to this account (the catalog needs the registry:catalog:* right)',
      );
    }
    throw new SifportError(
      'AUTH_REQUIRED',
      `${err.message} Some registries offer no repository listing at all; then type the repository name instead (e.g. \`sifport tags oras://${client.registry}/REPOSITORY\`).`,
      { status: 401 },
    );
  }
}

/**
 * Lists every tag of a repository: `GET /v2/<name>/tags/list?n=…`, following `Link` pages
 * (oras.md §3.6). `tags: null` (some registries, when empty) counts as no tags. Collects
 * {@link iterateTags}.
 */
export async function listTags(
  client: RegistryClient,
  repository: string,
  options: ListOptions = {},
): Promise<string[]> {
  return collect(iterateTags(client, repository, options));
}

/**
 * The tags of a repository page by page, as {@link listTags} reads them, so a caller can
 * print each page at once; ends with TOO_LARGE past the page or entry cap.
 */
export async function* iterateTags(
  client: RegistryClient,
  repository: string,
  options: ListOptions = {},
): AsyncGenerator<readonly string[]> {
  const what = `Listing the tags of ${client.registry}/${repository}`;
  yield* listingPages(client, options, {
    path: `/v2/${repository}/tags/list`,
    scopes: [pullScope(repository)],
    what,
    key: 'tags',
    onError: async (res, index) => {
      const outcome = await pageError(res, what, index);
      if (outcome === 'retry-without-n' || outcome.code !== 'NOT_FOUND') return outcome;
      return new SifportError(
        'NOT_FOUND',
        `${client.registry}/${repository} does not exist or has no tags (${outcome.registryCode ?? `HTTP ${res.status}`}). Check the repository name.`,
        {
          status: res.status,
          ...(outcome.registryCode ? { registryCode: outcome.registryCode } : {}),
        },
      );
    },
  });
}

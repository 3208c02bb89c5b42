import { SifportError } from '../errors.js';
import type { RegistryClient } from './client.js';
import type { HttpResponse } from './transport/http.js';
import { nextPageUrl } from './transport/link-header.js';
import { errorFromResponse } from './transport/response-error.js';

/**
 * Most pages one listing follows before giving up (a registry that never stops). Real
 * registries need a few dozen at most: 1 000 pages of 1 000 entries is a million tags.
 */
export const MAX_PAGES = 1_000;
/**
 * Most entries one listing collects before giving up: far above any real repository or
 * catalog, and it bounds memory when a registry sends ever new pages (issue #10).
 */
export const MAX_ENTRIES = 100_000;

/** What {@link fetchPages} needs to walk one paginated listing. */
export interface PagedRequest<T> {
  readonly client: RegistryClient;
  /** First page: a path below the registry root, query included. */
  readonly path: string;
  readonly scopes: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** What is being listed, for error messages ("Listing the tags of x"). */
  readonly what: string;
  readonly signal?: AbortSignal | undefined;
  /** Page limit; default {@link MAX_PAGES}. */
  readonly maxPages?: number | undefined;
  /** Entry limit over all pages; default {@link MAX_ENTRIES}. */
  readonly maxEntries?: number | undefined;
  /** Reads the items of one 200 answer (the body must be consumed). */
  readonly readPage: (res: HttpResponse) => Promise<readonly T[]>;
  /**
   * Turns a non-200 answer of page `index` (0 = first) into an error, or returns
   * `'retry-without-n'` to ask for the first page again without `n` (a registry that
   * refuses our page size). Default: the generic registry error.
   */
  readonly onError?: (
    res: HttpResponse,
    index: number,
  ) => Promise<SifportError | 'retry-without-n'>;
}

/**
 * Fetches every page of a listing by following `Link: <…>; rel="next"` until there is none
 * (oras.md §3.6–§3.8: never infer the end from a short page) and returns all entries. See
 * {@link iteratePages} for the checks; this is its collecting wrapper.
 */
export async function fetchPages<T>(req: PagedRequest<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of iteratePages(req)) items.push(...page);
  return items;
}

/**
 * Yields the entries of a listing page by page, as they arrive, so a caller can show or
 * stream them without holding the whole list. Links are resolved against the request URL;
 * a link to another origin is refused (it would carry our credentials), a link seen before
 * is a loop, and more than `maxPages` pages or `maxEntries` entries ends the listing with a
 * TOO_LARGE error after the pages already yielded: never a silent truncation.
 */
export async function* iteratePages<T>(req: PagedRequest<T>): AsyncGenerator<readonly T[]> {
  const { client } = req;
  const limit = req.maxPages ?? MAX_PAGES;
  const maxEntries = req.maxEntries ?? MAX_ENTRIES;
  const base = await client.baseUrl(req.signal);
  let url = new URL(req.path, base);
  const seen = new Set<string>([url.href]);
  let entries = 0;
  for (let index = 0; ; index++) {
    const res = await client.request({
      method: 'GET',
      path: url,
      scopes: req.scopes,
      ...(req.headers ? { headers: req.headers } : {}),
      signal: req.signal,
      what: req.what,
    });
    if (res.status !== 200) {
      if (!req.onError) throw await errorFromResponse(res, req.what);
      const outcome = await req.onError(res, index);
      if (outcome instanceof SifportError) throw outcome;
      if (index > 0 || !url.searchParams.has('n')) {
        throw new SifportError(
          'SERVER_ERROR',
          `${req.what} failed: the registry refused the page request (HTTP ${res.status}).`,
          { status: res.status },
        );
      }
      url.searchParams.delete('n');
      index--;
      continue;
    }
    const page = await req.readPage(res);
    entries += page.length;
    if (entries > maxEntries) throw tooLarge(req.what, `more than ${maxEntries} entries`);
    const next = safeNextPage(res, url, req.what);
    yield page;
    if (!next) return;
    if (next.origin !== url.origin) {
      throw new SifportError(
        'SERVER_ERROR',
        `${req.what}: the registry's next-page link points to another server (${next.origin}); refusing to follow it with your credentials.`,
      );
    }
    if (seen.has(next.href)) {
      throw new SifportError(
        'SERVER_ERROR',
        `${req.what}: the registry's pagination loops (it sent ${next.pathname}${next.search} twice); the listing is incomplete.`,
      );
    }
    if (index + 1 >= limit) throw tooLarge(req.what, `more than ${limit} pages`);
    seen.add(next.href);
    url = next;
  }
}

function tooLarge(what: string, much: string): SifportError {
  return new SifportError(
    'TOO_LARGE',
    `${what}: the listing has ${much}; stopped to avoid an endless listing (the registry keeps sending next-page links). What was shown is incomplete; ask the registry's operator whether its pagination is broken.`,
  );
}

function safeNextPage(res: HttpResponse, url: URL, what: string): URL | undefined {
  try {
    return nextPageUrl(res.headers, url);
  } catch {
    throw new SifportError('SERVER_ERROR', `${what}: the registry sent a malformed Link header.`);
  }
}

/** Parses a JSON page body, refusing anything that is not a JSON object. */
export async function readJsonObject(
  res: HttpResponse,
  what: string,
): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw new SifportError('SERVER_ERROR', `${what}: the registry answered with malformed JSON.`);
}

/** Reads a list of strings from a page, treating `null` or absence as empty (oras.md §3.6). */
export function stringList(value: unknown, what: string): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new SifportError('SERVER_ERROR', `${what}: the registry sent a malformed list.`);
  }
  return value as string[];
}

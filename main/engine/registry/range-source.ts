import type { Readable } from 'node:stream';
import { SifportError, toSifportError } from '../errors.js';
import type { ByteSource } from '../sif/index.js';
import { openBlobRange } from './blobs.js';
import type { RegistryClient } from './client.js';
import { sha256Digest } from './manifests.js';
import { headerValue, type HttpResponse } from './transport/http.js';

/** Sends `Range: bytes=start-end` (inclusive) for the blob and resolves to the response. */
export type RangeOpener = (
  start: number,
  end: number,
  signal?: AbortSignal,
) => Promise<HttpResponse>;

/** Options of {@link openRemoteBlobSource}. */
export interface RemoteSourceOptions {
  /** Read-ahead unit: every request asks for whole aligned blocks (default 64 KiB). */
  readonly blockSize?: number | undefined;
  /** Bytes of blocks kept, least recently used dropped first (default 4 MiB). */
  readonly cacheBytes?: number | undefined;
  /**
   * Most bytes all requests together may fetch (default 64 MiB): remote inspect must never
   * turn into a download of the image. Exceeding it fails with TOO_LARGE.
   */
  readonly maxFetchBytes?: number | undefined;
  /**
   * When the registry ignores `Range` (answers 200 with the whole blob), a blob at most this
   * big is read into memory, checked against its digest and served from there (default:
   * `maxFetchBytes`; 0 never does). Larger blobs fail with UNSUPPORTED at once.
   */
  readonly fallbackMaxBytes?: number | undefined;
  /** Attempts per range when the connection breaks (default 3). */
  readonly attempts?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Where ranges come from; by default {@link openBlobRange} on the client (tests swap it). */
  readonly openRange?: RangeOpener | undefined;
  /** Names the blob in messages (`registry/repository`). */
  readonly what?: string | undefined;
}

/** What a {@link RemoteBlobSource} has fetched so far. */
export interface RemoteFetchStats {
  /** HTTP requests sent for ranges (redirect hops and auth rounds not counted). */
  readonly requests: number;
  /** Body bytes received. */
  readonly bytesFetched: number;
  /** True when the registry ignored `Range` and the whole blob was read into memory. */
  readonly wholeBlob: boolean;
}

export const DEFAULT_BLOCK_SIZE = 64 * 1024;
export const DEFAULT_CACHE_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_FETCH_BYTES = 64 * 1024 * 1024;

const CONTENT_RANGE_RE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/** Parses `Content-Range: bytes a-b/total`; undefined when absent or malformed. */
export function parseContentRange(
  value: string | undefined,
): { start: number; end: number; total: number | undefined } | undefined {
  const m = CONTENT_RANGE_RE.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return undefined;
  return { start, end, total: m[3] === '*' ? undefined : Number(m[3]) };
}

/**
 * A blob in a registry as a random-access {@link ByteSource}, read with HTTP `Range`
 * requests: what remote inspect parses a SIF's header, descriptor table and small objects
 * from without downloading the image. Reads are rounded out to aligned blocks kept in a
 * small LRU cache, so the many small reads of the SIF parser become a few requests; every
 * answer must be a 206 for exactly the asked bytes (a longer 206 is cut off); the total is
 * capped. A registry that ignores `Range` gets a clean fallback: a small blob is read whole
 * (and checked against its digest), a large one is refused before its body is read.
 */
export class RemoteBlobSource implements ByteSource {
  readonly size: number;
  readonly #digest: string;
  readonly #open: RangeOpener;
  readonly #what: string;
  readonly #blockSize: number;
  readonly #cacheBlocks: number;
  readonly #maxFetch: number;
  readonly #fallbackMax: number;
  readonly #attempts: number;
  readonly #signal: AbortSignal | undefined;
  readonly #cache = new Map<number, Uint8Array>();
  readonly #inflight = new Map<number, Promise<Uint8Array>>();
  #whole: Uint8Array | undefined;
  #wholeLoading: Promise<Uint8Array> | undefined;
  #requests = 0;
  #bytesFetched = 0;

  constructor(size: number, digest: string, open: RangeOpener, options: RemoteSourceOptions = {}) {
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new SifportError('MANIFEST_INVALID', `Invalid blob size ${size}.`);
    }
    this.size = size;
    this.#digest = digest;
    this.#open = open;
    this.#what = options.what ?? `blob ${digest.slice(0, 19)}`;
    this.#blockSize = positive(options.blockSize, DEFAULT_BLOCK_SIZE);
    this.#cacheBlocks = Math.max(
      1,
      Math.floor(positive(options.cacheBytes, DEFAULT_CACHE_BYTES) / this.#blockSize),
    );
    this.#maxFetch = positive(options.maxFetchBytes, DEFAULT_MAX_FETCH_BYTES);
    this.#fallbackMax = Math.max(0, options.fallbackMaxBytes ?? this.#maxFetch);
    this.#attempts = positive(options.attempts, 3);
    this.#signal = options.signal;
  }

  /** Requests sent and bytes received so far. */
  get stats(): RemoteFetchStats {
    return {
      requests: this.#requests,
      bytesFetched: this.#bytesFetched,
      wholeBlob: this.#whole !== undefined,
    };
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0) {
      throw new SifportError('INTERNAL', `Invalid read of ${length} bytes at ${offset}.`);
    }
    const end = Math.min(this.size, offset + Math.max(0, length));
    if (end <= offset) return new Uint8Array(0);
    if (this.#whole) return this.#whole.slice(offset, end);
    const size = this.#blockSize;
    const first = Math.floor(offset / size);
    const last = Math.floor((end - 1) / size);
    // Missing blocks (neither cached nor on their way) are fetched in runs, one request each.
    let runStart: number | undefined;
    for (let i = first; i <= last + 1; i++) {
      const missing = i <= last && !this.#cache.has(i) && !this.#inflight.has(i);
      if (missing) runStart ??= i;
      else if (runStart !== undefined) {
        this.#fetchRun(runStart, i - 1);
        runStart = undefined;
      }
    }
    const blocks: Promise<Uint8Array>[] = [];
    for (let i = first; i <= last; i++) blocks.push(this.#block(i));
    const parts = await Promise.all(blocks);
    // The registry may have ignored Range meanwhile: then the whole blob is in memory.
    const whole = this.#whole as Uint8Array | undefined;
    if (whole) return whole.slice(offset, end);
    const out = new Uint8Array(end - offset);
    parts.forEach((block, k) => {
      const blockStart = (first + k) * size;
      const from = Math.max(offset, blockStart) - blockStart;
      const to = Math.min(end, blockStart + block.length) - blockStart;
      out.set(block.subarray(from, to), blockStart + from - offset);
    });
    return out;
  }

  /** A block from the cache (marking it recently used) or from its request under way. */
  #block(index: number): Promise<Uint8Array> {
    const cached = this.#cache.get(index);
    if (cached) {
      this.#cache.delete(index);
      this.#cache.set(index, cached);
      return Promise.resolve(cached);
    }
    const pending = this.#inflight.get(index);
    if (pending) return pending;
    // Evicted between planning and now (a read larger than the cache): fetch it again.
    this.#fetchRun(index, index);
    return this.#inflight.get(index)!;
  }

  /** Starts fetching blocks `a`..`b` in one request; each block's promise goes in #inflight. */
  #fetchRun(a: number, b: number): void {
    const size = this.#blockSize;
    const start = a * size;
    const end = Math.min(this.size, (b + 1) * size) - 1;
    const run = this.#fetchRange(start, end).then((bytes) => {
      const blocks: Uint8Array[] = [];
      for (let i = a; i <= b; i++) {
        const block = bytes.subarray((i - a) * size, Math.min(bytes.length, (i - a + 1) * size));
        blocks.push(block);
        if (!this.#whole) this.#remember(i, block);
      }
      return blocks;
    });
    for (let i = a; i <= b; i++) {
      const block = run.then((blocks) => blocks[i - a]!);
      // Whoever awaits the block sees a failure; this handler only keeps it from being "unhandled".
      block.catch(() => undefined);
      this.#inflight.set(i, block);
      void block
        .finally(() => {
          if (this.#inflight.get(i) === block) this.#inflight.delete(i);
        })
        .catch(() => undefined);
    }
  }

  #remember(index: number, block: Uint8Array): void {
    this.#cache.delete(index);
    this.#cache.set(index, block);
    while (this.#cache.size > this.#cacheBlocks) {
      this.#cache.delete(this.#cache.keys().next().value!);
    }
  }

  /** Bytes `start`..`end` (inclusive), retrying a broken connection. */
  async #fetchRange(start: number, end: number): Promise<Uint8Array> {
    for (let attempt = 1; ; attempt++) {
      if (this.#wholeLoading) return (await this.#wholeLoading).subarray(start, end + 1);
      const length = end - start + 1;
      if (this.#bytesFetched + length > this.#maxFetch) {
        throw new SifportError(
          'TOO_LARGE',
          `Reading ${this.#what} remotely would fetch more than ${this.#maxFetch} bytes; pull the image to inspect it.`,
        );
      }
      try {
        return await this.#fetchOnce(start, end);
      } catch (err) {
        const e = toSifportError(err);
        if (!e.retryable || attempt >= this.#attempts || this.#signal?.aborted) throw e;
      }
    }
  }

  async #fetchOnce(start: number, end: number): Promise<Uint8Array> {
    this.#requests++;
    const res = await this.#open(start, end, this.#signal);
    if (res.status === 200) {
      // Another request is already reading the whole blob: drop this copy unread.
      if (this.#wholeLoading) res.body.destroy();
      else this.#wholeLoading = this.#readWhole(res);
      const whole = await this.#wholeLoading;
      return whole.subarray(start, end + 1);
    }
    const where = `${this.#what} (bytes ${start}-${end})`;
    if (res.status !== 206) {
      res.body.destroy();
      throw new SifportError('NETWORK', `Reading ${where}: unexpected HTTP ${res.status}.`);
    }
    const range = parseContentRange(headerValue(res.headers, 'content-range'));
    if (range?.total !== undefined && range.total !== this.size) {
      res.body.destroy();
      throw new SifportError(
        'SIZE_MISMATCH',
        `Reading ${where}: the registry says the blob has ${range.total} bytes, the manifest ${this.size}.`,
      );
    }
    if (!range || range.start !== start || range.end < end) {
      res.body.destroy();
      const got = headerValue(res.headers, 'content-range') ?? 'no Content-Range';
      throw new SifportError(
        'NETWORK',
        `Reading ${where}: the registry answered with the wrong range (${got}).`,
      );
    }
    // A longer answer than asked is cut off after the asked bytes, never read to its end.
    return this.#readBody(res.body, end - start + 1, range.end === end, where);
  }

  /** Reads `want` body bytes; with `exact`, more than that is an error, else the rest is dropped. */
  async #readBody(
    body: Readable,
    want: number,
    exact: boolean,
    where: string,
  ): Promise<Uint8Array> {
    const out = new Uint8Array(want);
    let got = 0;
    try {
      for await (const chunk of body) {
        const bytes = chunk as Buffer;
        this.#bytesFetched += bytes.length;
        const take = Math.min(bytes.length, want - got);
        out.set(bytes.subarray(0, take), got);
        got += take;
        if (take < bytes.length && exact) {
          throw new SifportError(
            'SIZE_MISMATCH',
            `Reading ${where}: the registry sent too many bytes.`,
          );
        }
        if (got === want && !exact) break;
      }
    } finally {
      if (got < want || !exact) body.destroy();
    }
    if (got < want) {
      throw new SifportError(
        'NETWORK',
        `Reading ${where}: the connection ended after ${got} of ${want} bytes.`,
        { retryable: true },
      );
    }
    return out;
  }

  /**
   * The registry ignored `Range`: read a small blob whole (digest-checked) and serve every
   * read from memory; refuse a large one without reading its body.
   */
  async #readWhole(res: HttpResponse): Promise<Uint8Array> {
    const limit = Math.min(this.#fallbackMax, this.#maxFetch - this.#bytesFetched);
    if (this.size > limit) {
      res.body.destroy();
      throw new SifportError(
        'UNSUPPORTED',
        `The registry ignores Range requests; pull the image to inspect it (asked for part of ${this.#what}, it sent the whole ${this.size}-byte image; remote inspect reads at most ${limit} bytes).`,
        { detail: { size: this.size, limit } },
      );
    }
    const declared = Number(headerValue(res.headers, 'content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared !== this.size) {
      res.body.destroy();
      throw new SifportError(
        'SIZE_MISMATCH',
        `The registry sent ${declared} bytes for ${this.#what}, whose manifest declares ${this.size}.`,
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.#readBody(res.body, this.size, true, this.#what);
    } catch (err) {
      this.#wholeLoading = undefined;
      throw err;
    }
    const digest = sha256Digest(bytes);
    if (digest !== this.#digest) {
      this.#wholeLoading = undefined;
      throw new SifportError(
        'DIGEST_MISMATCH',
        `The blob the registry sent for ${this.#what} does not match its digest (expected ${this.#digest}, got ${digest}).`,
      );
    }
    this.#whole = bytes;
    this.#cache.clear();
    return bytes;
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/**
 * Opens a registry blob of `size` bytes (as its manifest declares) for random access by
 * `Range` requests; see {@link RemoteBlobSource}. Nothing is fetched until the first read.
 */
export function openRemoteBlobSource(
  client: RegistryClient,
  repository: string,
  digest: string,
  size: number,
  options: RemoteSourceOptions = {},
): RemoteBlobSource {
  const open: RangeOpener =
    options.openRange ??
    ((start, end, signal) => openBlobRange(client, repository, digest, start, end, signal));
  return new RemoteBlobSource(size, digest, open, {
    what: `${client.registry}/${repository}@${digest.slice(0, 19)}`,
    ...options,
  });
}

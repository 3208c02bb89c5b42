import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { continueUpload, serveBlob, startUpload } from './fake-registry-blobs.js';
import type { FakeContext, FakeRegistryOptions } from './fake-registry-context.js';
import {
  serveCatalog,
  serveManifest,
  serveReferrers,
  serveTags,
} from './fake-registry-manifests.js';
import { createFakeRegistryStore } from './fake-registry-store.js';
import type { FakeRegistryStore } from './fake-registry-store.js';
import { listenOnLoopback } from './loopback-server.js';
import { readBody, sendJson, sendOciError } from './oci-http.js';

export type { FakeRegistryOptions } from './fake-registry-context.js';

/** One request the fake registry answered. */
export interface FakeRequestEntry {
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  /** 0 until the answer has been sent. */
  readonly status: number;
  /** The request's `Content-Range`, when it had one (chunked uploads). */
  readonly contentRange?: string | undefined;
}

/** A running fake registry. */
export interface FakeRegistry {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT` */
  readonly host: string;
  /** Every request so far, oldest first. */
  readonly requests: readonly FakeRequestEntry[];
  stop(): Promise<void>;
}

type Handler = (ctx: FakeContext, ...params: string[]) => void | Promise<void>;

interface Route {
  readonly pattern: RegExp;
  readonly methods: readonly string[];
  readonly handler: Handler;
}

/** Repository names as distribution's reference grammar allows them. */
const namePattern =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

const routes: readonly Route[] = [
  { pattern: /^\/v2\/(.+)\/tags\/list$/, methods: ['GET', 'HEAD'], handler: serveTags },
  {
    pattern: /^\/v2\/(.+)\/manifests\/([^/]+)$/,
    methods: ['GET', 'HEAD', 'PUT', 'DELETE'],
    handler: serveManifest,
  },
  { pattern: /^\/v2\/(.+)\/blobs\/uploads\/?$/, methods: ['POST'], handler: startUpload },
  {
    pattern: /^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/,
    methods: ['GET', 'PATCH', 'PUT', 'DELETE'],
    handler: continueUpload,
  },
  {
    pattern: /^\/v2\/(.+)\/blobs\/([^/]+)$/,
    methods: ['GET', 'HEAD', 'DELETE'],
    handler: serveBlob,
  },
  { pattern: /^\/v2\/(.+)\/referrers\/([^/]+)$/, methods: ['GET'], handler: serveReferrers },
];

function authorized(req: IncomingMessage, options: FakeRegistryOptions): boolean {
  if (options.auth === undefined) return true;
  const expected = Buffer.from(`${options.auth.username}:${options.auth.password}`).toString(
    'base64',
  );
  return req.headers.authorization === `Basic ${expected}`;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404 page not found\n');
}

function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  store: FakeRegistryStore,
  options: FakeRegistryOptions,
): void | Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const method = req.method ?? 'GET';
  res.setHeader('docker-distribution-api-version', 'registry/2.0');
  if (!url.pathname.startsWith('/v2/')) return notFound(res);
  if (!authorized(req, options)) {
    return sendOciError(res, 401, 'UNAUTHORIZED', 'authentication required', {
      'www-authenticate': 'Basic realm="sifport-fake-registry"',
    });
  }
  const limit = options.maxRequestBytes ?? Number.POSITIVE_INFINITY;
  const tooLarge = (): void =>
    sendOciError(res, 413, 'SIZE_INVALID', `request body exceeds ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
  const context = (name: string): FakeContext => ({
    req,
    res,
    url,
    name,
    store,
    options,
    origin: `http://${req.headers.host ?? '127.0.0.1'}`,
    body: async () => {
      const body = await readBody(req, limit);
      if (body === undefined) tooLarge();
      return body;
    },
  });
  if (url.pathname === '/v2/') return sendJson(req, res, 200, {});
  if (url.pathname === '/v2/_catalog' && method === 'GET') return serveCatalog(context(''));
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (match === null) continue;
    const [, name = '', ...params] = match;
    if (!route.methods.includes(method)) {
      return sendOciError(res, 405, 'UNSUPPORTED', `${method} is not supported here`);
    }
    if (!namePattern.test(name))
      return sendOciError(res, 400, 'NAME_INVALID', `invalid name ${name}`);
    return route.handler(context(name), ...params.map(decodeURIComponent));
  }
  return notFound(res);
}

/**
 * Starts an in-memory OCI distribution server on 127.0.0.1 (free port) for what distribution
 * 2.8 lacks: Content-Range-honouring chunked uploads (416 out of order), paginated tags and
 * catalog with `Link`, the referrers API, tag deletion, and provider quirks chosen by
 * {@link FakeRegistryOptions} (ECR's 201 PATCH, GHCR's 413 body limit, no referrers, Basic auth).
 * Unknown routes answer distribution's plain-text `404 page not found`.
 */
export async function startFakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const store = createFakeRegistryStore();
  const log: { method: string; path: string; status: number }[] = [];
  const server = createServer((req, res) => {
    const entry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      contentRange: req.headers['content-range'],
    };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    Promise.resolve(dispatch(req, res, store, options)).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendOciError(res, 500, 'UNKNOWN', `fake registry failed: ${String(error)}`);
    });
  });
  return { ...(await listenOnLoopback(server)), requests: log };
}

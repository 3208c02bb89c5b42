import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

import { listenOnLoopback } from './loopback-server.js';
import type { TokenAuthority, TokenReply, TokenRequest, TokenStats } from './token-authority.js';

/** Where and how a token server listens. */
export interface TokenServerOptions {
  /** Users, keys and counters; several servers (http and https) may share one authority. */
  readonly authority: TokenAuthority;
  /** PEM certificate and key: serve https instead of http. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Default 0: the kernel picks a free port. */
  readonly port?: number;
  /** Called once per answered token request, e.g. to write a log line. */
  readonly onRequest?: (entry: Readonly<TokenLogEntry>) => void;
}

/** One answered token request (passwords and tokens are never included). */
export interface TokenLogEntry {
  readonly method: string;
  readonly kind: TokenRequest['kind'];
  readonly service: string;
  readonly scopes: readonly string[];
  readonly status: number;
}

/** A running token server. */
export interface TokenServer {
  /** Token realm, e.g. `http://127.0.0.1:PORT/token`. */
  readonly url: string;
  readonly port: number;
  /** Counters of the shared authority (live). */
  readonly stats: Readonly<TokenStats>;
  stop(): Promise<void>;
}

const maxFormBytes = 64 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(data),
    'cache-control': 'no-store',
  };
  if (status === 401) headers['www-authenticate'] = 'Basic realm="sifport-testbed-token"';
  res.writeHead(status, headers);
  res.end(data);
}

function basicCredentials(
  header: string | undefined,
): { username: string; password: string } | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { username: decoded, password: '' };
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
      if (raw.length > maxFormBytes) req.destroy(new Error('form too large'));
    });
    req.on('error', reject);
    req.on('end', () => resolve(new URLSearchParams(raw)));
  });
}

/** GET: Docker token protocol (spec §4.2); scopes come as repeated `scope` parameters. */
function parseGet(req: IncomingMessage, query: URLSearchParams): TokenRequest {
  const basic = basicCredentials(req.headers.authorization);
  return {
    kind: 'get',
    service: query.get('service') ?? '',
    scopes: query
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter((s) => s !== ''),
    offline: query.get('offline_token') === 'true',
    ...(basic === undefined ? {} : { basic }),
  };
}

/** POST: OAuth2 form (spec §4.3); scopes are space-joined in one field. */
function parsePost(form: URLSearchParams): TokenRequest | undefined {
  const common = {
    service: form.get('service') ?? '',
    scopes: (form.get('scope') ?? '').split(' ').filter((s) => s !== ''),
    offline: form.get('access_type') === 'offline',
  };
  switch (form.get('grant_type')) {
    case 'password':
      return {
        ...common,
        kind: 'password',
        username: form.get('username') ?? '',
        password: form.get('password') ?? '',
      };
    case 'refresh_token':
      return { ...common, kind: 'refresh', refreshToken: form.get('refresh_token') ?? '' };
    default:
      return undefined;
  }
}

/**
 * Starts a Docker/OCI token server on 127.0.0.1: `GET|POST /token`, `GET /healthz`, and
 * `GET /stats` (the authority's counters as JSON, for tests that run against a detached bed).
 * Malformed POSTs (unknown grant type) get `400 unsupported_grant_type` and are not counted.
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const { authority } = options;
  const answer = (req: IncomingMessage, res: ServerResponse, request: TokenRequest): void => {
    const reply: TokenReply = authority.handle(request);
    options.onRequest?.({
      method: req.method ?? '',
      kind: request.kind,
      service: request.service,
      scopes: request.scopes,
      status: reply.status,
    });
    send(res, reply.status, reply.body);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    if (url.pathname === '/healthz') return send(res, 200, { ok: true });
    if (url.pathname === '/stats' && req.method === 'GET') return send(res, 200, authority.stats);
    if (url.pathname !== '/token') return send(res, 404, { error: 'not found' });
    if (req.method === 'GET') return answer(req, res, parseGet(req, url.searchParams));
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    readForm(req).then(
      (form) => {
        const request = parsePost(form);
        if (request === undefined) send(res, 400, { error: 'unsupported_grant_type' });
        else answer(req, res, request);
      },
      () => send(res, 400, { error: 'invalid_request' }),
    );
  };

  const server: Server =
    options.tls === undefined ? createHttpServer(handler) : createHttpsServer(options.tls, handler);
  const listening = await listenOnLoopback(server, {
    port: options.port ?? 0,
    scheme: options.tls === undefined ? 'http' : 'https',
  });
  return {
    url: `${listening.url}/token`,
    port: listening.port,
    stats: authority.stats,
    stop: listening.stop,
  };
}

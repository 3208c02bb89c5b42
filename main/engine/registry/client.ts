import type { Readable } from 'node:stream';
import { SifportError } from '../errors.js';
import { registerBasicCredential, registerSecret } from '../redact.js';
import {
  parseChallenges,
  preferredChallenge,
  unsupportedChallenge,
  type Challenge,
} from './auth/challenge.js';
import { authFailure, isRejectedCredential } from './auth/auth-failure.js';
import type { Credential, CredentialProvider } from './auth/credentials.js';
import { mayCarryCredentials, type CrossOriginPolicy } from './auth/origin-policy.js';
import {
  NodeHttpTransport,
  headerValue,
  type HttpResponse,
  type HttpTransport,
  type TlsOptions,
} from './transport/http.js';
import { isLoopbackHost } from './transport/hosts.js';
import { isCertificateError } from './transport/network-errors.js';
import type { ProxySettings } from './transport/proxy/settings.js';
import { apiHost } from './reference.js';
import { errorFromResponse } from './transport/response-error.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './transport/retry.js';
import { DEFAULT_TIMEOUTS, type TransportTimeouts } from './transport/timeouts.js';
import { mergeScopes, type ScopeSet } from './auth/scopes.js';
import { fetchToken, MemoryTokenCache, tokenCacheKey, type TokenCache } from './auth/tokens.js';

/** How to reach one registry and who to be there. */
export interface RegistryOptions {
  /** `host[:port]` as the user names it (`docker.io` for Docker Hub). */
  readonly registry: string;
  readonly tls?: TlsOptions | undefined;
  /** Use plain HTTP. Automatic for loopback hosts that do not speak TLS; opt-in elsewhere. */
  readonly plainHttp?: boolean | undefined;
  readonly credentials?: Credential | CredentialProvider | undefined;
  /** Attempts, back-off and the overall retry budget (`budgetMs`). */
  readonly retry?: RetryPolicy | undefined;
  /**
   * Connect, first-byte, progress and TLS-probe limits of the client's own transport, each
   * replacing its default (issue #10 item 8; the CLI reads them from `SIFPORT_*_TIMEOUT`).
   */
  readonly timeouts?: Partial<TransportTimeouts> | undefined;
  readonly transport?: HttpTransport | undefined;
  /** Proxy settings for the client's own transport (default: from the environment). */
  readonly proxy?: ProxySettings | undefined;
  readonly tokenCache?: TokenCache | undefined;
  readonly userAgent?: string | undefined;
  readonly now?: (() => number) | undefined;
}

/** A request through {@link RegistryClient.request}. */
export interface RegistryRequest {
  readonly method: string;
  /** Path below the registry root (`/v2/...`) or an absolute URL (upload locations, links). */
  readonly path: string | URL;
  /** Token scopes this request needs (space-separated strings allowed). */
  readonly scopes: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Bytes, or a factory for a stream so the body can be sent again after a 401 or a retry. */
  readonly body?: Buffer | (() => Readable);
  readonly signal?: AbortSignal | undefined;
  /** Retry network errors, 5xx and 429 (default: true). */
  readonly retry?: boolean;
  /** What is being attempted, for error messages ("Fetching the manifest of x"). */
  readonly what: string;
  /** A large response body is expected (blob download); see `HttpRequest.bulkBody`. */
  readonly bulkBody?: boolean;
  /**
   * For an absolute `path` on another origin: follow it without credentials (upload
   * locations, blob redirects; the spec allows these elsewhere) or refuse (default).
   */
  readonly crossOrigin?: CrossOriginPolicy;
}

/**
 * One registry: picks the scheme, learns the auth challenge, attaches Basic or Bearer
 * credentials (tokens cached per scope set, upgraded when a challenge asks for more), and
 * retries what may be retried. The blob, manifest and listing modules sit on top of it.
 */
export class RegistryClient {
  readonly registry: string;
  readonly retryPolicy: RetryPolicy;
  /** The transport, for requests that must go out without this registry's credentials. */
  readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly tokenCache: TokenCache;
  private readonly userAgent: string;
  private readonly now: () => number;
  private readonly options: RegistryOptions;
  private base: Promise<URL> | undefined;
  private challenge: Challenge | null | undefined;
  private credential: Promise<Credential | undefined> | undefined;

  constructor(options: RegistryOptions) {
    this.options = options;
    this.registry = options.registry;
    this.retryPolicy = options.retry ?? DEFAULT_RETRY;
    this.ownsTransport = !options.transport;
    this.transport =
      options.transport ?? new NodeHttpTransport(options.tls, options.proxy, options.timeouts);
    this.tokenCache = options.tokenCache ?? new MemoryTokenCache();
    this.userAgent = options.userAgent ?? 'sifport/0.1';
    this.now = options.now ?? Date.now;
  }

  /** The registry's root URL (`https://host:port`), choosing the scheme on first use. */
  baseUrl(signal?: AbortSignal): Promise<URL> {
    this.base ??= this.chooseScheme(signal);
    this.base.catch(() => {
      this.base = undefined;
    });
    return this.base;
  }

  private async chooseScheme(signal?: AbortSignal): Promise<URL> {
    const host = apiHost(this.registry);
    if (this.options.plainHttp) return new URL(`http://${host}`);
    const https = new URL(`https://${host}`);
    if (!isLoopbackHost(host)) return https;
    try {
      // A loopback plain-HTTP server may swallow the TLS hello: give up on TLS within the
      // probe limit rather than the connect limit.
      const res = await this.transport.send({
        method: 'GET',
        url: new URL('/v2/', https),
        signal,
        connectTimeoutMs: this.options.timeouts?.tlsProbeMs ?? DEFAULT_TIMEOUTS.tlsProbeMs,
      });
      this.learnChallenge(res);
      await res.discard();
      return https;
    } catch (err) {
      if (err instanceof SifportError && (err.code === 'TLS' || err.code === 'NETWORK')) {
        const http = new URL(`http://${host}`);
        if (err.code === 'NETWORK' && /refused/.test(err.message)) throw err;
        // An untrusted certificate proves the registry speaks TLS: say so, never downgrade.
        if (isCertificateError(err)) throw err;
        return http;
      }
      throw err;
    }
  }

  /** Remembers the challenge of a 401 answer, so later requests authenticate up front. */
  private learnChallenge(res: HttpResponse): void {
    if (res.status !== 401 || this.challenge) return;
    this.challenge = preferredChallenge(parseChallenges(res.headers['www-authenticate'])) ?? null;
  }

  private getCredential(): Promise<Credential | undefined> {
    this.credential ??= (async () => {
      const source = this.options.credentials;
      const credential = typeof source === 'function' ? await source(this.registry) : source;
      if (credential?.kind === 'basic') {
        registerBasicCredential(credential.username, credential.password);
      } else if (credential) {
        registerSecret(credential.token);
      }
      return credential;
    })();
    return this.credential;
  }

  /** `GET /v2/`: learns the challenge; with credentials, proves they are accepted. */
  async ping(signal?: AbortSignal): Promise<{ authScheme: string | undefined }> {
    const res = await this.request({
      method: 'GET',
      path: '/v2/',
      scopes: [],
      signal,
      what: `Contacting ${this.registry}`,
    });
    if (res.status !== 200) throw await errorFromResponse(res, `Contacting ${this.registry}`);
    await res.discard();
    return { authScheme: this.challenge?.scheme };
  }

  /**
   * Sends a request with credentials for `scopes`. Returns any response except 401 (answered
   * by authenticating once more) and, when retrying, 429/5xx (retried, then thrown).
   */
  async request(req: RegistryRequest): Promise<HttpResponse> {
    const op = async (): Promise<HttpResponse> => {
      const res = await this.sendAuthorized(req);
      if (req.retry !== false && (res.status === 429 || res.status >= 500)) {
        throw await errorFromResponse(res, req.what, req.method);
      }
      return res;
    };
    if (req.retry === false) return op();
    return withRetry(this.retryPolicy, op, req.signal);
  }

  private async sendAuthorized(req: RegistryRequest): Promise<HttpResponse> {
    const base = await this.baseUrl(req.signal);
    const url = typeof req.path === 'string' ? new URL(req.path, base) : req.path;
    if (!mayCarryCredentials(url, base, req.crossOrigin ?? 'refuse', req.what)) {
      return this.sendWithoutCredentials(req, url);
    }
    let scopes = mergeScopes(...req.scopes);
    let forceNewToken = false;
    let refreshed = false;
    /** One credential refresh per request (oras.md §4.5): a re-minted cloud token. */
    const refreshOnce = async (): Promise<boolean> => {
      if (refreshed) return false;
      refreshed = true;
      return this.refreshCredential();
    };
    for (let round = 0; ; round++) {
      let auth: string | undefined;
      try {
        auth = await this.authorization(scopes, forceNewToken, req.signal);
      } catch (err) {
        // The token service rejected the credential: it may have expired; ask once more.
        if (!isRejectedCredential(err) || !(await refreshOnce())) throw err;
        auth = await this.authorization(scopes, true, req.signal);
      }
      const res = await this.transport.send({
        method: req.method,
        url,
        headers: {
          'user-agent': this.userAgent,
          ...req.headers,
          ...(auth ? { authorization: auth } : {}),
        },
        ...(req.body === undefined
          ? {}
          : { body: Buffer.isBuffer(req.body) ? req.body : req.body() }),
        signal: req.signal,
        bulkBody: req.bulkBody,
      });
      if (res.status !== 401) return res;
      const offered = parseChallenges(res.headers['www-authenticate']);
      const unsupported = unsupportedChallenge(offered, this.registry);
      if (unsupported) {
        await res.discard();
        throw unsupported;
      }
      const challenge = preferredChallenge(offered);
      const credential = await this.getCredential();
      // Basic credentials sent and refused again: repeating them cannot help.
      const refusedBasic = auth?.startsWith('Basic ') === true && challenge?.scheme === 'basic';
      const mayRefresh =
        (round >= 1 || refusedBasic) &&
        auth !== undefined &&
        credential !== undefined &&
        challenge?.params.error !== 'insufficient_scope';
      if (round >= 1 || !challenge || refusedBasic) {
        if (!mayRefresh || !(await refreshOnce())) {
          throw await authFailure(res, req, this.registry, challenge, credential);
        }
      }
      await res.discard();
      if (challenge) this.challenge = challenge;
      scopes = mergeScopes(...req.scopes, challenge?.params.scope);
      forceNewToken = true;
      if (challenge?.scheme === 'basic' && !credential) {
        throw new SifportError(
          'AUTH_REQUIRED',
          `${this.registry} requires a login. Run \`sifport login ${this.registry}\`.`,
          { status: 401 },
        );
      }
    }
  }

  /** A request to another origin (object storage): no `Authorization`, no auth rounds. */
  private sendWithoutCredentials(req: RegistryRequest, url: URL): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...req.headers };
    delete headers.authorization;
    return this.transport.send({
      method: req.method,
      url,
      headers,
      ...(req.body === undefined
        ? {}
        : { body: Buffer.isBuffer(req.body) ? req.body : req.body() }),
      signal: req.signal,
      bulkBody: req.bulkBody,
    });
  }

  /**
   * Asks the provider to drop a rejected credential; when it says a fresh one may differ,
   * forgets the cached credential so the next request asks for it again.
   */
  private async refreshCredential(): Promise<boolean> {
    const source = this.options.credentials;
    if (typeof source !== 'function' || !source.invalidate) return false;
    if (!(await source.invalidate(this.registry))) return false;
    this.credential = undefined;
    return true;
  }

  private async authorization(
    scopes: ScopeSet,
    forceNew: boolean,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const challenge = this.challenge;
    if (!challenge) return undefined;
    const credential = await this.getCredential();
    if (challenge.scheme === 'basic') {
      if (credential?.kind !== 'basic') return undefined;
      return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    }
    if (challenge.scheme !== 'bearer') return undefined;
    const user = credential?.kind === 'basic' ? credential.username : credential ? '<token>' : '';
    const key = tokenCacheKey(challenge, scopes, user);
    const cached = this.tokenCache.get(key);
    if (cached && !forceNew && cached.renewAt > this.now()) return `Bearer ${cached.token}`;
    const token = await withRetry(
      this.retryPolicy,
      () =>
        fetchToken({
          transport: this.transport,
          challenge,
          scopes,
          credential,
          registry: this.registry,
          userAgent: this.userAgent,
          now: this.now,
          signal,
          plainHttpHost: this.options.plainHttp
            ? new URL(`http://${apiHost(this.registry)}`).hostname
            : undefined,
        }),
      signal,
    );
    this.tokenCache.set(key, token);
    return `Bearer ${token.token}`;
  }

  /** Resolves a `Location` or `Link` target against the URL of the response that sent it. */
  resolve(location: string, against: URL): URL {
    return new URL(location, against);
  }

  /**
   * Has the transport open `connections` connections to the registry while the caller still
   * asks for tokens and manifests, for the blob GETs that follow (issue #13). A hint only.
   */
  warmUp(connections: number, signal?: AbortSignal): void {
    if (!this.transport.preconnect) return;
    this.baseUrl(signal).then(
      (base) => this.transport.preconnect?.(base, connections),
      () => undefined, // The requests that follow report it.
    );
  }

  /** Frees idle connections (only when this client created its transport). */
  close(): void {
    if (this.ownsTransport && this.transport instanceof NodeHttpTransport) this.transport.close();
  }
}

/** Reads the `Location` header of an upload or manifest response, resolved. */
export function locationOf(res: HttpResponse): URL | undefined {
  const location = headerValue(res.headers, 'location');
  return location ? new URL(location, res.url) : undefined;
}

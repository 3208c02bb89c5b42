import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { createSecureContext, rootCertificates, type ConnectionOptions } from 'node:tls';
import type { Readable } from 'node:stream';
import { socketHost } from './hosts.js';
import {
  isSocksProxy,
  proxyAuthorization,
  chooseProxy,
  proxyPort,
  proxySettingsFromEnv,
  type ProxySettings,
} from './proxy/settings.js';
import {
  SocksHttpAgent,
  TunnelingAgent,
  proxyConnectionError,
  proxyRefused,
  proxyServerName,
} from './proxy/tunnel.js';
import { RawGetUnsupported, rawGet } from './raw-http-get.js';
import { WarmConnections } from './warm-connections.js';
import { RequestWatchdog } from './request-watchdog.js';
import { DEFAULT_TIMEOUTS, type TransportTimeouts } from './timeouts.js';
import { failBodyAsNetworkError, networkError } from './network-errors.js';
import { SifportError } from '../../errors.js';
import { readRegularFile } from '../../files/regular-file.js';

/** TLS settings for one registry (oras.md §6: custom CA per account, explicit insecure). */
export interface TlsOptions {
  /** PEM file with extra trusted CA certificates (added to the system roots). */
  readonly caFile?: string | undefined;
  /** Skip certificate verification. Only on explicit user request. */
  readonly insecure?: boolean | undefined;
}

/** A request body: bytes, or a stream that is sent once (use a factory to allow resending). */
export type HttpBody = Buffer | Readable;

/** One HTTP request as the registry code builds it. */
export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: HttpBody;
  readonly signal?: AbortSignal | undefined;
  /**
   * A large body is expected (a blob download): without a proxy it is read off the socket by
   * {@link rawGet}, which a download sink can have read straight into its own buffers (over
   * TLS, copied in once per record), instead of going through node:http's parser.
   */
  readonly bulkBody?: boolean | undefined;
  /** Connect limit for this request instead of the transport's (the loopback TLS probe). */
  readonly connectTimeoutMs?: number | undefined;
}

/** A response whose body has not been read yet. Read it, or call `discard()`. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly url: URL;
  readonly body: Readable;
  /** Reads the body as UTF-8, refusing more than `limit` bytes (default 4 MiB). */
  text(limit?: number): Promise<string>;
  /** Reads the body and frees the connection. */
  discard(): Promise<void>;
}

/** What the registry modules need from HTTP; tests may substitute their own. */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
  /**
   * Opens up to `count` connections to `url`'s origin for bulk GETs to come (a hint: a
   * transport may ignore it, and failures are the GETs' to report).
   */
  preconnect?(url: URL, count: number): void;
}

const DEFAULT_TEXT_LIMIT = 4 * 1024 * 1024;

/**
 * HTTP/1.1 transport on Node's `http`/`https` with keep-alive agents. Redirects are not
 * followed here: the blob reader follows them itself so it can drop `Authorization`
 * when the host changes (oras.md §3.2).
 */
export class NodeHttpTransport implements HttpTransport {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private httpsAgent: https.Agent;
  private tlsAgentOptions: https.AgentOptions;
  /** The same trust settings for the raw GET's own TLS sockets. */
  private rawTlsOptions: ConnectionOptions;
  /**
   * Settles once the CA file is read, asynchronously: a blocking read (a FIFO, a slow mount)
   * on a host's event loop would freeze every connection. Rejects with its FILE_ERROR, which
   * every request then reports.
   */
  private readonly trustReady: Promise<void>;
  /** Agents that connect through a proxy, by kind and proxy (a system proxy may vary by host). */
  private readonly proxyAgents = new Map<string, http.Agent>();
  /** TLS connections opened ahead for the raw blob GETs ({@link preconnect}). */
  private readonly warm = new WarmConnections();
  private readonly proxyByOrigin = new Map<string, Promise<URL | undefined>>();
  /** Connect, first-byte and progress limits of every request (issue #10 item 8). */
  readonly timeouts: TransportTimeouts;

  /**
   * @param proxy Proxy settings; by default HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the
   *   environment, as apptainer reads them (the desktop app adds its system proxy).
   * @param timeouts Limits that replace {@link DEFAULT_TIMEOUTS} one by one.
   */
  constructor(
    tls: TlsOptions = {},
    private readonly proxy: ProxySettings = proxySettingsFromEnv(),
    timeouts: Partial<TransportTimeouts> = {},
  ) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.rawTlsOptions = { rejectUnauthorized: !tls.insecure };
    this.tlsAgentOptions = { keepAlive: true, maxSockets: 16, ...this.rawTlsOptions };
    this.httpsAgent = new https.Agent(this.tlsAgentOptions);
    this.trustReady = tls.caFile ? this.trustCaFile(tls.caFile, tls) : Promise.resolve();
    this.trustReady.catch(() => undefined); // Reported by send().
  }

  /**
   * Adds the CA file's certificates to the system roots for every TLS connection, in one
   * secure context that all of them share: given `ca` instead, each connection would parse
   * the ~145 roots again (about 35 ms of CPU per connection).
   */
  private async trustCaFile(path: string, tls: TlsOptions): Promise<void> {
    const pem = (await readRegularFile(path, 'CA file')).toString('utf8');
    this.rawTlsOptions = {
      secureContext: createSecureContext({ ca: [...rootCertificates, pem] }),
      rejectUnauthorized: !tls.insecure,
    };
    this.tlsAgentOptions = { keepAlive: true, maxSockets: 16, ...this.rawTlsOptions };
    this.httpsAgent.destroy(); // Never used: requests wait for trustReady.
    this.httpsAgent = new https.Agent(this.tlsAgentOptions);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { url, method, signal } = request;
    await this.trustReady;
    const proxy = await this.proxyOf(url);
    if (!proxy && request.bulkBody && method === 'GET' && !request.body) {
      try {
        const raw = await rawGet(
          url,
          request.headers ?? {},
          signal,
          this.timeouts,
          this.rawTlsOptions,
          request.connectTimeoutMs,
          this.warm.take(url),
        );
        return wrapResponse(raw.body, raw.status, raw.headers, url);
      } catch (err) {
        if (!(err instanceof RawGetUnsupported)) throw networkError(err, url);
      }
    }
    return this.sendWithNodeHttp(request, proxy);
  }

  /** Direct https:// origins only: through a proxy the blob GET takes node:http's path. */
  preconnect(url: URL, count: number): void {
    if (url.protocol !== 'https:') return;
    this.trustReady
      .then(() => this.proxyOf(url))
      .then((proxy) => {
        if (!proxy) this.warm.open(url, count, this.rawTlsOptions);
      })
      .catch(() => undefined); // The requests report a bad CA file or proxy setting.
  }

  /** The proxy for `url`, asked once per origin (the system's answer may take a PAC run). */
  private proxyOf(url: URL): Promise<URL | undefined> {
    let proxy = this.proxyByOrigin.get(url.origin);
    if (!proxy) {
      proxy = chooseProxy(url, this.proxy);
      proxy.catch(() => this.proxyByOrigin.delete(url.origin));
      this.proxyByOrigin.set(url.origin, proxy);
    }
    return proxy;
  }

  /** The agent for `key`, made by `create` on first use and kept until {@link close}. */
  private proxyAgent<A extends http.Agent>(key: string, create: () => A): A {
    let agent = this.proxyAgents.get(key);
    if (!agent) {
      agent = create();
      this.proxyAgents.set(key, agent);
    }
    return agent as A;
  }

  /** The agent for https:// through `proxy` (a CONNECT or SOCKS tunnel per connection). */
  private tunnelFor(proxy: URL): TunnelingAgent {
    return this.proxyAgent(
      `tunnel ${proxy.href}`,
      () => new TunnelingAgent(proxy, this.tlsAgentOptions),
    );
  }

  /** The agent for plain http:// through a SOCKS5 `proxy`. */
  private socksHttpFor(proxy: URL): SocksHttpAgent {
    return this.proxyAgent(
      `socks ${proxy.href}`,
      () => new SocksHttpAgent(proxy, { keepAlive: true, maxSockets: 16 }),
    );
  }

  /**
   * Starts the request: direct, through a tunnel agent (https, or anything over SOCKS), or in
   * absolute form to an HTTP proxy. In that last case the proxy is returned too: failures to
   * connect, and a 407, are then the proxy's.
   */
  private openRequest(
    request: HttpRequest,
    proxy: URL | undefined,
  ): { req: http.ClientRequest; absoluteFormProxy?: URL } {
    const { url, method, signal } = request;
    const common = { method, ...(signal ? { signal } : {}) };
    const direct = { ...common, headers: request.headers };
    if (url.protocol === 'https:') {
      const agent = proxy ? this.tunnelFor(proxy) : this.httpsAgent;
      return { req: https.request(url, { ...direct, agent }) };
    }
    if (!proxy) return { req: http.request(url, { ...direct, agent: this.httpAgent }) };
    if (isSocksProxy(proxy)) {
      return { req: http.request(url, { ...direct, agent: this.socksHttpFor(proxy) }) };
    }
    const auth = proxyAuthorization(proxy);
    const overTls = proxy.protocol === 'https:';
    const options: http.RequestOptions = {
      ...common,
      host: socketHost(proxy),
      port: proxyPort(proxy),
      ...(overTls ? { servername: proxyServerName(proxy) } : {}),
      path: url.href,
      headers: {
        ...request.headers,
        host: url.host,
        ...(auth ? { 'proxy-authorization': auth } : {}),
      },
      agent: overTls ? this.httpsAgent : this.httpAgent,
    };
    return { req: (overTls ? https : http).request(options), absoluteFormProxy: proxy };
  }

  private sendWithNodeHttp(request: HttpRequest, proxy: URL | undefined): Promise<HttpResponse> {
    const { url, signal } = request;
    return new Promise<HttpResponse>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new SifportError('CANCELLED', 'Cancelled.'));
        return;
      }
      let bodyFinished = request.body === undefined || Buffer.isBuffer(request.body);
      const { req, absoluteFormProxy } = this.openRequest(request, proxy);
      let response: IncomingMessage | undefined;
      // A limit that runs out fails the body once it is handed out, the request before.
      const watchdog = new RequestWatchdog(this.timeouts, url, (err) =>
        response ? response.destroy(err) : req.destroy(err),
      );
      req.once('socket', (socket) => watchdog.attach(socket, request.connectTimeoutMs));
      req.once('finish', () => watchdog.sent());
      req.once('close', () => watchdog.stop());
      req.once('error', (err) => {
        watchdog.stop();
        if (request.body && !Buffer.isBuffer(request.body)) request.body.destroy();
        const fromProxy = absoluteFormProxy && proxyConnectionError(absoluteFormProxy, err);
        reject(fromProxy ?? networkError(err, url));
      });
      req.once('response', (res: IncomingMessage) => {
        response = res;
        // Held back by its reader, or wholly received (waiting in the stream): not a stall.
        watchdog.responded(() => res.complete || res.socket?.isPaused() === true);
        res.once('end', () => watchdog.stop());
        res.once('close', () => watchdog.stop());
        if (absoluteFormProxy && res.statusCode === 407) {
          res.resume();
          reject(proxyRefused(absoluteFormProxy, 407, url.host));
          return;
        }
        res.once('end', () => {
          // The server answered before taking the whole body (an early 401 or 413): this
          // connection holds a half-sent request and must not be reused.
          if (!bodyFinished) req.destroy();
        });
        resolve(wrapResponse(res, res.statusCode ?? 0, res.headers, url));
      });
      const body = request.body;
      if (body === undefined) {
        req.end();
      } else if (Buffer.isBuffer(body)) {
        req.end(body);
      } else {
        body.once('error', (err) => req.destroy(err));
        body.once('end', () => {
          bodyFinished = true;
        });
        body.pipe(req);
      }
    });
  }

  /** Closes idle keep-alive sockets so the process can exit. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    for (const agent of this.proxyAgents.values()) agent.destroy();
    this.warm.close();
  }
}

function wrapResponse(
  res: Readable,
  status: number,
  headers: IncomingHttpHeaders,
  url: URL,
): HttpResponse {
  failBodyAsNetworkError(res, url);
  return {
    status,
    headers,
    url,
    body: res,
    async text(limit = DEFAULT_TEXT_LIMIT): Promise<string> {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res) {
        size += (chunk as Buffer).length;
        if (size > limit) {
          res.destroy();
          throw new SifportError(
            'TOO_LARGE',
            `Response from ${url.host} is larger than ${limit} bytes; refusing to read it.`,
          );
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    async discard(): Promise<void> {
      if (res.readableEnded || res.destroyed) return;
      res.resume();
      await new Promise<void>((r) => {
        res.once('end', r);
        res.once('close', r);
        res.once('error', () => r());
      });
    },
  };
}

/** First value of a header that may repeat. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header, split into a list. */
export function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

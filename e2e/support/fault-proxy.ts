import { Agent as HttpAgent, createServer, request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

import { createRuleList } from './fault-rules.js';
import type { CutRule, FailRule } from './fault-rules.js';
import { forwardRequestHeaders, forwardResponseHeaders } from './header-rewrite.js';
import { listenOnLoopback } from './loopback-server.js';

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** PEM bundle to trust for an https upstream (the test-bed CA). */
  readonly ca?: string | Buffer;
}

/** One request seen by the proxy, for assertions. */
export interface ProxyLogEntry {
  readonly method: string;
  /** Request target: path and query. */
  readonly path: string;
  /** Status sent to the client; 0 when the connection was cut or the upstream failed. */
  readonly status: number;
  readonly outcome: 'pending' | 'forwarded' | 'failed' | 'cut' | 'error';
  /** Request-body bytes passed to the upstream. */
  readonly bytesForwarded: number;
}

/** A running fault proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT` */
  readonly host: string;
  /** Every request so far, oldest first (cleared by reset()). */
  readonly requests: readonly ProxyLogEntry[];
  /**
   * Forward at most `bytes` request-body bytes of the next matching request(s), then destroy the
   * client's and the upstream's connection: the upstream sees a partial request, the client a
   * network error. A body shorter than `bytes` is forwarded whole and then cut the same way
   * (with `bytes: 0` a GET "loses" its response).
   */
  cutAfter(rule: CutRule): void;
  /** Answer the next `times` matching requests with `status` (and `Retry-After`) directly. */
  failNext(rule: FailRule): void;
  /**
   * Forward request bodies at about `bytesPerSecond` (a slow uplink in front of a real
   * registry, so an upload lasts long enough to be watched or cancelled); `undefined` stops.
   */
  throttle(bytesPerSecond: number | undefined): void;
  /** Drop pending rules, the throttle and the request log. */
  reset(): void;
  stop(): Promise<void>;
}

type MutableEntry = { -readonly [K in keyof ProxyLogEntry]: ProxyLogEntry[K] };

const injectedCodes: Record<FailRule['status'], string> = {
  429: 'TOOMANYREQUESTS',
  500: 'UNKNOWN',
  503: 'UNAVAILABLE',
  404: 'BLOB_UPLOAD_INVALID',
};

function answerFault(res: ServerResponse, rule: FailRule): void {
  const body = JSON.stringify({
    errors: [{ code: injectedCodes[rule.status], message: 'injected by the fault proxy' }],
  });
  res.writeHead(rule.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...(rule.retryAfter === undefined ? {} : { 'retry-after': rule.retryAfter }),
  });
  res.end(body);
}

/** Resolves once everything written to the upstream request has reached the kernel. */
async function flushed(upstream: ClientRequest): Promise<void> {
  upstream.flushHeaders();
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    const socket = upstream.socket;
    if (
      socket &&
      !socket.connecting &&
      upstream.writableLength === 0 &&
      socket.writableLength === 0
    ) {
      return;
    }
    await sleep(2);
  }
}

/**
 * Starts an HTTP reverse proxy on 127.0.0.1 (free port) in front of `upstreamUrl` (http, or https
 * with `options.ca`). Bodies are streamed in both directions with backpressure, never buffered.
 * Faults are steered programmatically through cutAfter() and failNext().
 */
export async function startFaultProxy(
  upstreamUrl: string,
  options: FaultProxyOptions = {},
): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const secure = upstream.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, ...(options.ca === undefined ? {} : { ca: options.ca }) })
    : new HttpAgent({ keepAlive: true });
  const cuts = createRuleList<CutRule>();
  const fails = createRuleList<FailRule>();
  const log: MutableEntry[] = [];
  let proxyOrigin = '';
  let bodyRate: number | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const entry: MutableEntry = {
      method,
      path: target,
      status: 0,
      outcome: 'pending',
      bytesForwarded: 0,
    };
    log.push(entry);
    const fail = fails.take(method, target);
    if (fail !== undefined) {
      req.resume();
      entry.status = fail.status;
      entry.outcome = 'failed';
      answerFault(res, fail);
      return;
    }
    const cut = cuts.take(method, target);
    let cutting = false;
    const send = secure ? httpsRequest : httpRequest;
    const outgoing = send(
      new URL(target, upstream.origin),
      { method, headers: forwardRequestHeaders(req.headers), agent },
      (upstreamRes) => {
        if (cutting) return void upstreamRes.destroy();
        entry.status = upstreamRes.statusCode ?? 0;
        res.writeHead(
          entry.status,
          forwardResponseHeaders(upstreamRes.headers, upstream.origin, proxyOrigin),
        );
        upstreamRes.pipe(res);
        upstreamRes.on('end', () => {
          entry.outcome = 'forwarded';
        });
        upstreamRes.on('error', () => res.destroy());
      },
    );
    outgoing.on('error', (error) => {
      if (cutting) return;
      entry.outcome = 'error';
      if (res.headersSent) return void res.destroy();
      const body = JSON.stringify({ errors: [{ code: 'UNKNOWN', message: error.message }] });
      res.writeHead(502, { 'content-type': 'application/json' }).end(body);
    });

    const cutNow = (part: Buffer | undefined): void => {
      cutting = true;
      req.pause();
      if (part !== undefined && part.length > 0) {
        outgoing.write(part);
        entry.bytesForwarded += part.length;
      }
      void flushed(outgoing).then(() => {
        entry.outcome = 'cut';
        outgoing.destroy();
        req.socket.destroy();
      });
    };
    req.on('data', (chunk: Buffer) => {
      if (cutting) return;
      if (cut !== undefined && entry.bytesForwarded + chunk.length >= cut.bytes) {
        return cutNow(chunk.subarray(0, cut.bytes - entry.bytesForwarded));
      }
      entry.bytesForwarded += chunk.length;
      const drained = outgoing.write(chunk);
      if (bodyRate !== undefined) {
        req.pause();
        const resume = () => setTimeout(() => req.resume(), (chunk.length / bodyRate!) * 1000);
        if (drained) resume();
        else outgoing.once('drain', resume);
      } else if (!drained) {
        req.pause();
        outgoing.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      if (cutting) return;
      if (cut !== undefined) cutNow(undefined);
      else outgoing.end();
    });
    req.on('close', () => {
      if (req.complete || cutting) return;
      entry.outcome = 'error'; // the client went away mid-body
      outgoing.destroy();
    });
  };

  const server = createServer(handle);
  const listening = await listenOnLoopback(server);
  proxyOrigin = listening.url;
  return {
    url: listening.url,
    host: listening.host,
    requests: log,
    cutAfter(rule) {
      cuts.add(rule, rule.times ?? 1);
    },
    failNext(rule) {
      fails.add(rule, rule.times);
    },
    throttle(bytesPerSecond) {
      bodyRate = bytesPerSecond;
    },
    reset() {
      cuts.clear();
      fails.clear();
      bodyRate = undefined;
      log.length = 0;
    },
    stop: async () => {
      agent.destroy();
      await listening.stop();
    },
  };
}

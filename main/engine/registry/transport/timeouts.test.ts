import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';

import { SifportError } from '../../errors.js';
import { RegistryClient } from '../client.js';
import { NodeHttpTransport, type HttpResponse } from './http.js';
import { DEFAULT_TIMEOUTS, timeoutsFromEnv, type TransportTimeouts } from './timeouts.js';
import { NO_RETRY } from '../../../../e2e/kit/index.js';

/** Small limits so each hostile server fails a request within a fraction of a second. */
const QUICK: TransportTimeouts = {
  connectMs: 300,
  firstByteMs: 300,
  progressIntervalMs: 400,
  progressMinBytes: 1024,
  tlsProbeMs: 300,
};
const LIMIT = { timeout: 10_000 };

async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readAll(res: HttpResponse): Promise<number> {
  let n = 0;
  for await (const chunk of res.body) n += (chunk as Buffer).length;
  return n;
}

function isTimeout(kind: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof SifportError, String(err));
    assert.equal(err.code, 'NETWORK');
    assert.equal(err.retryable, true);
    assert.match(err.message, kind);
    return true;
  };
}

/**
 * Issue #10 item 8: connection, first-byte and progress limits. Before them a request that
 * was accepted and never answered hung for many minutes, and a server dripping a byte every
 * 30 s never failed at all.
 */
describe('transport deadlines (issue #10 item 8)', () => {
  let server: Server;
  let host: string;
  const sockets = new Set<Socket>();

  before(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/silent') return; // accepted, never answered
      if (req.url === '/stall') {
        res.writeHead(200, { 'content-length': String(1 << 20) });
        res.write(Buffer.alloc(10));
        return; // half-way, then nothing
      }
      if (req.url === '/drip') {
        res.writeHead(200, { 'content-length': '1000' });
        const timer = setInterval(() => res.write(Buffer.alloc(1)), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (req.url === '/small') {
        res.writeHead(200, { 'content-length': '10' });
        return void res.end(Buffer.alloc(10));
      }
      if (req.url === '/fast') {
        res.writeHead(200, { 'content-length': String(4 << 20) });
        return void res.end(Buffer.alloc(4 << 20));
      }
      res.writeHead(404).end();
    });
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    host = await listen(server);
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  for (const bulkBody of [false, true]) {
    const transport = new NodeHttpTransport({}, {}, QUICK);
    after(() => transport.close());
    const get = (path: string): Promise<HttpResponse> =>
      transport.send({ method: 'GET', url: new URL(`http://${host}${path}`), bulkBody });

    it(
      `a request accepted and never answered fails after the first-byte limit (bulk ${bulkBody})`,
      LIMIT,
      async () => {
        await assert.rejects(get('/silent'), isTimeout(/no answer/i));
      },
    );

    it(
      `a body that stalls half-way fails after the progress limit (bulk ${bulkBody})`,
      LIMIT,
      async () => {
        const res = await get('/stall');
        await assert.rejects(readAll(res), isTimeout(/stalled/i));
      },
    );

    it(`a server dripping single bytes fails too (bulk ${bulkBody})`, LIMIT, async () => {
      const res = await get('/drip');
      await assert.rejects(readAll(res), isTimeout(/stalled/i));
    });

    it(
      `a consumer that waits before reading is not a stall (bulk ${bulkBody})`,
      LIMIT,
      async () => {
        const res = await get('/fast');
        await delay(QUICK.progressIntervalMs * 3);
        assert.equal(await readAll(res), 4 << 20);
      },
    );

    it(
      `a small body read long after it arrived is not a stall (bulk ${bulkBody})`,
      LIMIT,
      async () => {
        const res = await get('/small');
        await delay(QUICK.progressIntervalMs * 3);
        assert.equal(await readAll(res), 10);
      },
    );
  }

  it('a TLS handshake that never completes fails after the connect limit', LIMIT, async () => {
    const mute = createNetServer((s) => sockets.add(s));
    const muteHost = await listen(mute);
    const transport = new NodeHttpTransport({}, {}, QUICK);
    try {
      await assert.rejects(
        transport.send({ method: 'GET', url: new URL(`https://${muteHost}/v2/`) }),
        isTimeout(/connect/i),
      );
    } finally {
      transport.close();
      mute.close();
    }
  });

  it(
    'a loopback plain-HTTP registry that ignores the TLS probe is reached over HTTP at once',
    LIMIT,
    async () => {
      const plain = createServer((req, res) => {
        res.writeHead(200, { 'content-length': '2', 'content-type': 'application/json' }).end('{}');
      });
      // Swallow the TLS hello without answering, as some servers do.
      plain.on('clientError', () => undefined);
      plain.on('connection', (s: Socket) => sockets.add(s));
      const plainHost = await listen(plain);
      const client = new RegistryClient({
        registry: plainHost,
        timeouts: { tlsProbeMs: 300 },
        retry: NO_RETRY,
      });
      try {
        const started = Date.now();
        assert.equal((await client.baseUrl()).protocol, 'http:');
        // Generous bound: the probe gave up long before any old 120 s idle timeout.
        assert.ok(Date.now() - started < 8_000);
      } finally {
        client.close();
        plain.close();
      }
    },
  );

  it('defaults: connect 30 s, first byte 60 s, 1 KiB per 60 s, TLS probe 2 s', () => {
    assert.deepEqual(DEFAULT_TIMEOUTS, {
      connectMs: 30_000,
      firstByteMs: 60_000,
      progressIntervalMs: 60_000,
      progressMinBytes: 1024,
      tlsProbeMs: 2_000,
    });
  });

  it('reads SIFPORT_*_TIMEOUT and SIFPORT_RETRY_BUDGET (seconds) and refuses nonsense', () => {
    assert.deepEqual(
      timeoutsFromEnv({
        SIFPORT_CONNECT_TIMEOUT: '5',
        SIFPORT_FIRST_BYTE_TIMEOUT: '90',
        SIFPORT_STALL_TIMEOUT: '0.5',
        SIFPORT_RETRY_BUDGET: '600',
      }),
      {
        timeouts: { connectMs: 5_000, firstByteMs: 90_000, progressIntervalMs: 500 },
        retryBudgetMs: 600_000,
      },
    );
    assert.deepEqual(timeoutsFromEnv({}), { timeouts: {}, retryBudgetMs: undefined });
    assert.deepEqual(timeoutsFromEnv({ SIFPORT_CONNECT_TIMEOUT: ' ' }).timeouts, {});
    assert.throws(() => timeoutsFromEnv({ SIFPORT_CONNECT_TIMEOUT: 'soon' }), {
      code: 'CONFIG_INVALID',
    });
    assert.throws(() => timeoutsFromEnv({ SIFPORT_STALL_TIMEOUT: '-1' }), /SIFPORT_STALL_TIMEOUT/);
  });
});

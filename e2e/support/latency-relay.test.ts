import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startLatencyRelay } from './latency-relay.js';
import { startLatencyRelayProcess } from './latency-relay-process.js';
import { listenOnLoopback, type LoopbackServer } from './loopback-server.js';

/** POSTs `body` to `host` and returns the answer's bytes and how long it took. */
function post(host: string, body: Buffer): Promise<{ answer: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`http://${host}/echo`, { method: 'POST' }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () =>
        resolve({ answer: Buffer.concat(parts), ms: performance.now() - started }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('latency relay', () => {
  let echo: LoopbackServer;
  before(async () => {
    const server: Server = createServer((req, res) => req.pipe(res));
    echo = await listenOnLoopback(server);
  });
  after(() => echo.stop());

  it('passes bytes both ways unchanged and in order, with no delay', async () => {
    const relay = await startLatencyRelay({ upstream: echo.host, delayMs: 0 });
    try {
      const body = randomBytes(24 * 1024 * 1024);
      const { answer } = await post(relay.host, body);
      assert.equal(sha(answer), sha(body));
      assert.ok(relay.bytesRelayed() >= 2 * body.length);
    } finally {
      await relay.stop();
    }
  });

  it('adds its delay to each direction: a round trip takes at least twice of it', async () => {
    const relay = await startLatencyRelay({ upstream: echo.host, delayMs: 60 });
    try {
      const { answer, ms } = await post(relay.host, Buffer.from('ping'));
      assert.equal(answer.toString(), 'ping');
      assert.ok(ms >= 2 * 60 - 2, `${ms} ms`);
    } finally {
      await relay.stop();
    }
  });

  it('keeps order and bytes under a bandwidth cap and a small window, and takes its time', async () => {
    const relay = await startLatencyRelay({
      upstream: echo.host,
      delayMs: 5,
      bytesPerSecond: 8 * 1024 * 1024,
      windowBytes: 256 * 1024,
    });
    try {
      const body = randomBytes(2 * 1024 * 1024);
      const { answer, ms } = await post(relay.host, body);
      assert.equal(sha(answer), sha(body));
      // 2 MiB at 8 MiB/s is at least 250 ms one way.
      assert.ok(ms >= 240, `${ms} ms`);
    } finally {
      await relay.stop();
    }
  });

  it('refuses an upstream that is not HOST:PORT', async () => {
    await assert.rejects(startLatencyRelay({ upstream: 'nowhere', delayMs: 0 }), /HOST:PORT/);
  });

  it('runs in a process of its own with the same delay, and says why when it cannot start', async () => {
    const relay = await startLatencyRelayProcess({ upstream: echo.host, delayMs: 40 });
    try {
      const body = randomBytes(1024 * 1024);
      const { answer, ms } = await post(relay.host, body);
      assert.equal(sha(answer), sha(body));
      assert.ok(ms >= 2 * 40 - 2, `${ms} ms`);
    } finally {
      await relay.stop();
    }
    await assert.rejects(
      startLatencyRelayProcess({ upstream: 'nowhere', delayMs: 0 }),
      /relay process ended before it listened/,
    );
  });
});

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { suiteTlsServer } from '../../../../e2e/kit/index.js';
import { SifportError } from '../../errors.js';
import { NodeHttpTransport } from './http.js';
import { rawGet } from './raw-http-get.js';
import { DEFAULT_TIMEOUTS } from './timeouts.js';
import { WarmConnections } from './warm-connections.js';

const text = async (body: AsyncIterable<Buffer>) => {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
};

describe('connections opened ahead of the blob GETs (issue #13)', () => {
  // Every answer closes its connection: a second GET on one connection would fail.
  const server = suiteTlsServer('sifport-warm-', (req, res) =>
    res
      .writeHead(200, { connection: 'close', 'content-length': Buffer.byteLength(req.url ?? '') })
      .end(req.url),
  );
  const original = tls.connect;
  let opened = 0;
  beforeEach(() => {
    opened = 0;
    tls.connect = ((...args: Parameters<typeof tls.connect>) => {
      opened++;
      return original(...args);
    }) as typeof tls.connect;
  });
  afterEach(() => {
    tls.connect = original;
  });

  const bulkGet = async (transport: NodeHttpTransport, path: string) => {
    const res = await transport.send({
      method: 'GET',
      url: new URL(path, server.url),
      bulkBody: true,
    });
    return { status: res.status, text: await res.text() };
  };

  it('blob GETs take the connections opened ahead; one more opens its own', async () => {
    const transport = new NodeHttpTransport({ caFile: server.caFile });
    try {
      transport.preconnect(new URL(server.url), 2);
      await sleep(300); // CA file read, two handshakes
      assert.equal(opened, 2);
      const answers = await Promise.all([bulkGet(transport, '/a'), bulkGet(transport, '/b')]);
      assert.deepEqual(answers, [
        { status: 200, text: '/a' },
        { status: 200, text: '/b' },
      ]);
      assert.equal(opened, 2, `the two GETs opened no connection of their own (${opened})`);
      assert.deepEqual(await bulkGet(transport, '/c'), { status: 200, text: '/c' });
      assert.equal(opened, 3);
    } finally {
      transport.close();
    }
  });

  it('a GET given a connection still in its handshake waits for it', async () => {
    const url = new URL('/early', server.url);
    const warm = new WarmConnections();
    warm.open(url, 1, { ca: await readFile(server.caFile) });
    const taken = warm.take(url)!;
    assert.equal(taken.ready, false);
    const res = await rawGet(url, {}, undefined, DEFAULT_TIMEOUTS, {}, undefined, taken);
    assert.equal(res.status, 200);
    assert.equal((await text(res.body)).toString(), '/early');
    assert.equal(opened, 1);
  });

  it('a connection that fails its handshake is dropped; the GET reports its own TLS error', async () => {
    const transport = new NodeHttpTransport(); // the test CA is not trusted
    try {
      transport.preconnect(new URL(server.url), 1);
      await sleep(200);
      await assert.rejects(bulkGet(transport, '/x'), (err: unknown) => {
        assert.ok(err instanceof SifportError);
        assert.equal(err.code, 'TLS');
        return true;
      });
      assert.equal(opened, 2, 'the GET opened a connection of its own');
    } finally {
      transport.close();
    }
  });

  it('a connection left unused is closed after its idle time, and by close()', async () => {
    const options = { ca: await readFile(server.caFile) };
    const url = new URL(server.url);
    const idle = new WarmConnections(100);
    idle.open(url, 1, options);
    await sleep(250);
    assert.equal(idle.take(url), undefined);

    const kept = new WarmConnections();
    kept.open(url, 1, options);
    const parked = kept.take(url)!;
    kept.open(url, 1, options);
    kept.close();
    assert.equal(kept.take(url), undefined);
    parked.socket.destroy();
    await once(parked.socket, 'close');
  });

  it('opens nothing for plain http://', () => {
    const warm = new WarmConnections();
    warm.open(new URL('http://127.0.0.1:9/'), 2, {});
    assert.equal(opened, 0);
    assert.equal(warm.take(new URL('http://127.0.0.1:9/')), undefined);
  });
});

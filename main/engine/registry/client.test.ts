import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';

import {
  ensurePki,
  empty,
  json,
  startRecordingServer,
  type RecordingServer,
  FAST_RETRY,
  pickFreePort,
  loopbackClient,
  withClient,
  failure,
  suiteTempDir,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { RegistryClient } from './client.js';
import { isLoopbackHost } from './transport/hosts.js';

function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

describe('isLoopbackHost', () => {
  it('recognises 127/8, localhost and ::1 with or without a port', () => {
    for (const h of [
      '127.0.0.1',
      '127.0.0.1:5000',
      '127.9.8.7:1',
      'localhost:5000',
      '[::1]:5000',
      '[::1]',
    ]) {
      assert.equal(isLoopbackHost(h), true, h);
    }
    for (const h of ['ghcr.io', '10.0.0.1:5000', '128.0.0.1', 'localhost.example.com']) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });
});

describe('RegistryClient scheme choice', () => {
  const dir = suiteTempDir('sifport-client-test-');
  let pki: Awaited<ReturnType<typeof ensurePki>>;
  let tlsServer: RecordingServer;

  before(async () => {
    pki = await ensurePki(join(dir.path, 'pki'));
    tlsServer = await startRecordingServer(
      (req, res) => (req.path === '/v2/' ? json(res, 200, {}) : false),
      { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) },
    );
  });
  after(async () => {
    await tlsServer.close();
  });

  it('falls back to plain HTTP for a loopback registry that does not speak TLS', async () => {
    const server = await startRecordingServer((req, res) =>
      req.path === '/v2/' ? json(res, 200, {}) : false,
    );
    const client = new RegistryClient({ registry: server.host, retry: FAST_RETRY });
    try {
      assert.equal((await client.baseUrl()).href, `${server.url}/`);
      await client.ping();
      assert.deepEqual(server.unexpected, []);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('uses HTTPS with the private CA from caFile', async () => {
    await withClient(
      new RegistryClient({
        registry: tlsServer.host,
        tls: { caFile: pki.caCert },
        retry: FAST_RETRY,
      }),
      async (client) => {
        assert.equal((await client.baseUrl()).protocol, 'https:');
        await client.ping();
      },
    );
  });

  it('reports an untrusted certificate as TLS instead of switching to plain HTTP', async () => {
    await withClient(
      new RegistryClient({ registry: tlsServer.host, retry: FAST_RETRY }),
      async (client) => {
        const err = await failure(() => client.ping());
        assert.equal(err.code, 'TLS');
        assert.match(err.message, /ca-file/);
        // The scheme choice is not cached after a failure: the next try fails the same way.
        await assert.rejects(client.baseUrl(), { code: 'TLS' });
      },
    );
  });

  it('accepts an untrusted certificate only with insecure', async () => {
    await withClient(
      new RegistryClient({
        registry: tlsServer.host,
        tls: { insecure: true },
        retry: FAST_RETRY,
      }),
      async (client) => {
        await client.ping();
        assert.equal((await client.baseUrl()).protocol, 'https:');
      },
    );
  });

  it('reports a refused connection as NETWORK and says what to check', async () => {
    const client = new RegistryClient({
      registry: `127.0.0.1:${await pickFreePort()}`,
      retry: FAST_RETRY,
    });
    await assert.rejects(client.ping(), (err: unknown) => {
      assert.ok(err instanceof SifportError);
      assert.equal(err.code, 'NETWORK');
      assert.match(err.message, /refused/);
      return true;
    });
  });

  it('uses plain HTTP without probing when plainHttp is set', async () => {
    const server = await startRecordingServer((req, res) =>
      req.path === '/v2/' ? json(res, 200, {}) : false,
    );
    const client = loopbackClient(server.host);
    try {
      await client.ping();
      assert.equal(server.requests.length, 1);
    } finally {
      client.close();
      await server.close();
    }
  });
});

describe('RegistryClient authentication', () => {
  const USER = 'alice';
  const PASSWORD = 'hunter2-secret';
  let server: RecordingServer;

  before(async () => {
    server = await startRecordingServer((req, res) => {
      if (req.headers.authorization !== basicHeader(USER, PASSWORD)) {
        return json(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
          { 'www-authenticate': 'Basic realm="test"' },
        );
      }
      if (req.path === '/v2/') return json(res, 200, {});
      if (req.method === 'PUT' && req.path === '/v2/r/echo') {
        return json(res, 201, { got: req.body.toString() });
      }
      return false;
    });
  });
  after(() => server.close());

  it('answers a Basic challenge and then sends the credentials up front', async () => {
    const client = loopbackClient(server.host, {
      credentials: { kind: 'basic', username: USER, password: PASSWORD },
    });
    const before = server.requests.length;
    try {
      assert.deepEqual(await client.ping(), { authScheme: 'basic' });
      await client.ping();
      const seen = server.requests.slice(before).map((r) => r.headers.authorization ?? 'none');
      assert.deepEqual(seen, ['none', basicHeader(USER, PASSWORD), basicHeader(USER, PASSWORD)]);
    } finally {
      client.close();
    }
  });

  it('re-sends a streamed body after the 401 (body factory)', async () => {
    await withClient(
      loopbackClient(server.host, {
        credentials: async () => ({ kind: 'basic', username: USER, password: PASSWORD }),
      }),
      async (client) => {
        const res = await client.request({
          method: 'PUT',
          path: '/v2/r/echo',
          scopes: [],
          headers: { 'content-length': '11' },
          body: () => Readable.from([Buffer.from('hello '), Buffer.from('world')]),
          what: 'Echo',
        });
        assert.equal(res.status, 201);
        assert.deepEqual(JSON.parse(await res.text()), { got: 'hello world' });
      },
    );
  });

  it('rejects a wrong password with AUTH_REQUIRED and never shows the password', async () => {
    const wrong = 'wrong-password-42';
    await withClient(
      loopbackClient(server.host, {
        credentials: { kind: 'basic', username: USER, password: wrong },
      }),
      async (client) => {
        const err = await failure(() => client.ping());
        assert.equal(err.code, 'AUTH_REQUIRED');
        assert.match(err.message, /rejected the credentials/);
        const everything = `${err.message} ${JSON.stringify(err.toInfo())} ${String(err.stack)}`;
        assert.ok(!everything.includes(wrong));
        assert.ok(!everything.includes(Buffer.from(`${USER}:${wrong}`).toString('base64')));
      },
    );
  });

  it('asks for a login when the registry wants one and none is configured', async () => {
    await withClient(loopbackClient(server.host), async (client) => {
      await assert.rejects(client.ping(), (err: unknown) => {
        assert.ok(err instanceof SifportError);
        assert.equal(err.code, 'AUTH_REQUIRED');
        assert.match(err.message, /sifport login/);
        return true;
      });
    });
  });
});

describe('RegistryClient retries', () => {
  it('retries 5xx and 429 (honouring Retry-After) and returns the final answer', async () => {
    const statuses = [503, 429, 200];
    const server = await startRecordingServer((req, res) => {
      if (req.path !== '/v2/r/manifests/t') return false;
      const status = statuses.shift() ?? 500;
      if (status === 200) return json(res, 200, { ok: true });
      return json(res, status, { errors: [{ code: 'UNKNOWN' }] }, { 'retry-after': '0' });
    });
    const waits: number[] = [];
    const client = loopbackClient(server.host, {
      retry: { ...FAST_RETRY, sleep: async (ms) => void waits.push(ms) },
    });
    try {
      const res = await client.request({
        method: 'GET',
        path: '/v2/r/manifests/t',
        scopes: [],
        what: 'Fetching',
      });
      assert.equal(res.status, 200);
      await res.discard();
      assert.equal(server.requests.length, 3);
      assert.deepEqual(waits, [0, 0]); // Retry-After: 0 both times
    } finally {
      client.close();
      await server.close();
    }
  });

  it('gives up after the configured attempts with a retryable SERVER_ERROR', async () => {
    const server = await startRecordingServer((req, res) =>
      json(res, 500, { errors: [{ code: 'UNKNOWN', message: 'down' }] }),
    );
    const client = loopbackClient(server.host);
    try {
      await assert.rejects(
        client.request({ method: 'GET', path: '/v2/x', scopes: [], what: 'Fetching' }),
        { code: 'SERVER_ERROR', retryable: true },
      );
      assert.equal(server.requests.length, FAST_RETRY.attempts);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('hands 5xx back untouched when retry is off', async () => {
    const server = await startRecordingServer((_req, res) => empty(res, 502));
    const client = loopbackClient(server.host);
    try {
      const res = await client.request({
        method: 'PATCH',
        path: '/v2/x',
        scopes: [],
        retry: false,
        what: 'Uploading',
      });
      assert.equal(res.status, 502);
      await res.discard();
      assert.equal(server.requests.length, 1);
    } finally {
      client.close();
      await server.close();
    }
  });
});

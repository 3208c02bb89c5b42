import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import {
  startTestSocksProxy,
  TEST_SOCKS_LOGIN as LOGIN,
  type TestSocksOptions,
  pickFreePort,
} from '../../../../../e2e/kit/index.js';
import { socksConnect } from './socks.js';

/** Sends `ping` through a SOCKS tunnel to `host:port` and returns what came back. */
async function echoThrough(proxy: URL, host: string, port: number): Promise<string> {
  const socket = await socksConnect(proxy, host, port);
  try {
    socket.write('ping');
    const [chunk] = (await Promise.race([
      new Promise((resolve) => socket.once('data', (d: Buffer) => resolve([d]))),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no echo')), 5000)),
    ])) as [Buffer];
    return chunk.toString();
  } finally {
    socket.destroy();
  }
}

describe('socksConnect (SOCKS5, RFC 1928/1929, as ssh -D offers it)', () => {
  let echo: net.Server;
  let port: number;
  before(async () => {
    echo = net.createServer((s) => s.pipe(s));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    port = (echo.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  async function withProxy<T>(
    options: TestSocksOptions,
    body: (url: URL, proxy: Awaited<ReturnType<typeof startTestSocksProxy>>) => Promise<T>,
  ): Promise<T> {
    const proxy = await startTestSocksProxy(options);
    try {
      return await body(new URL(proxy.url), proxy);
    } finally {
      await proxy.stop();
    }
  }

  it('relays to an IPv4 address and to a name the proxy resolves', async () => {
    await withProxy({}, async (url, proxy) => {
      assert.equal(await echoThrough(url, '127.0.0.1', port), 'ping');
      assert.equal(await echoThrough(url, 'localhost', port), 'ping');
      assert.deepEqual(
        proxy.requests.map((r) => r.target),
        [`127.0.0.1:${port}`, `localhost:${port}`],
      );
    });
  });

  it('encodes IPv6 targets as 16 bytes, including embedded IPv4', async () => {
    await withProxy({ refuseWith: 2 }, async (url, proxy) => {
      for (const host of ['::1', 'fd00::1:2', '::ffff:127.0.0.1', '2001:db8:0:0:1:0:0:1']) {
        await assert.rejects(socksConnect(url, host, 443), { code: 'NETWORK' });
      }
      assert.deepEqual(
        proxy.requests.map((r) => r.target),
        [
          '[0:0:0:0:0:0:0:1]:443',
          '[fd00:0:0:0:0:0:1:2]:443',
          '[0:0:0:0:0:ffff:7f00:1]:443',
          '[2001:db8:0:0:1:0:0:1]:443',
        ],
      );
    });
  });

  it('logs in when the URL has a login; without one or with a wrong one, AUTH_REQUIRED', async () => {
    await withProxy({ login: LOGIN }, async (url) => {
      await assert.rejects(
        socksConnect(url, '127.0.0.1', port),
        (err: Error & { code?: string }) => {
          assert.equal(err.code, 'AUTH_REQUIRED');
          assert.match(
            err.message,
            /SOCKS proxy 127\.0\.0\.1:\d+ wants a login.*socks5:\/\/USER:PASSWORD@/,
          );
          return true;
        },
      );
      const wrong = new URL(url);
      wrong.username = LOGIN.username;
      wrong.password = 'not-the-password-9';
      await assert.rejects(
        socksConnect(wrong, '127.0.0.1', port),
        (err: Error & { code?: string }) => {
          assert.equal(err.code, 'AUTH_REQUIRED');
          assert.match(err.message, /rejected the login/);
          assert.doesNotMatch(err.message, /not-the-password-9/);
          return true;
        },
      );
      const right = new URL(url);
      right.username = LOGIN.username;
      right.password = LOGIN.password;
      assert.equal(await echoThrough(right, '127.0.0.1', port), 'ping');
    });
  });

  it('a refused CONNECT says what the proxy reported and whether a retry may help', async () => {
    await withProxy({ refuseWith: 5 }, async (url) => {
      await assert.rejects(socksConnect(url, 'registry.example', 443), {
        code: 'NETWORK',
        retryable: false,
        message: /was refused the connection to registry\.example:443.*NO_PROXY/,
      });
    });
    await withProxy({ refuseWith: 4 }, async (url) => {
      await assert.rejects(socksConnect(url, 'registry.example', 443), {
        code: 'NETWORK',
        retryable: true,
        message: /host unreachable/,
      });
    });
  });

  it('a proxy that is not there, or never answers, is a NETWORK error naming it', async () => {
    const deadPort = await pickFreePort();
    await assert.rejects(socksConnect(new URL(`socks5://127.0.0.1:${deadPort}`), 'a', 1), {
      code: 'NETWORK',
      retryable: true,
      message: new RegExp(`Cannot reach the SOCKS proxy 127\\.0\\.0\\.1:${deadPort}: ECONNREFUSED`),
    });
    await withProxy({ silent: true }, async (url) => {
      await assert.rejects(socksConnect(url, 'registry.example', 443, 200), {
        code: 'NETWORK',
        message: /did not open registry\.example:443 within 0.2 s/,
      });
    });
  });

  it('refuses a host name longer than SOCKS can carry, before connecting', async () => {
    await assert.rejects(socksConnect(new URL('socks5://127.0.0.1:1'), 'a'.repeat(256), 443), {
      code: 'NAME_INVALID',
    });
  });
});

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

import type { RegistryClient } from '../../main/engine/registry/client.js';
import type { ProxySettings } from '../../main/engine/registry/transport/proxy/settings.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { startTestProxy, TEST_PROXY_LOGIN, type TestProxy } from '../support/http-proxy.js';
import { ensurePki } from '../support/pki.js';
import { startTestSocksProxy, TEST_SOCKS_LOGIN } from '../support/socks-proxy.js';
import { bed, clientFor, MiB, skip, suiteSif, uniqueRepo, type RegistryName } from './bed.js';

/** A bed client whose every request goes through `proxy` (loopback is not bypassed). */
function proxiedClient(
  name: RegistryName,
  settings: ProxySettings,
  tlsOptions: { caFile?: string } = {},
): RegistryClient {
  return clientFor(bed!, name, undefined, {
    proxy: { ...settings, bypassLoopback: false },
    ...(name === 'tls' ? {} : { tls: tlsOptions }),
  });
}

/** `url` with `login` in it, as a user writes it in HTTPS_PROXY. */
function withLogin(url: string, login: Readonly<{ username: string; password: string }>): string {
  const u = new URL(url);
  u.username = login.username;
  u.password = login.password;
  return u.href;
}

/** The bed's server certificate (127.0.0.1, signed by the bed CA), for an https:// proxy. */
async function bedServerTls(): Promise<{ cert: Buffer; key: Buffer }> {
  const pki = await ensurePki(dirname(bed!.caFile));
  return { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) };
}

async function roundTrip(
  name: RegistryName,
  settings: ProxySettings,
  sif: { path: string; bytes: Buffer; dir: string },
  tlsOptions: { caFile?: string } = {},
): Promise<void> {
  const client = proxiedClient(name, settings, tlsOptions);
  const reference = parseReference(`oras://${bed![name].host}/${uniqueRepo(`proxy-${name}`)}:v1`);
  const out = join(sif.dir, `${name}-via-proxy.sif`);
  try {
    await pushSif({ client, file: sif.path, reference });
    await pullSif({ client, reference, destination: out, force: true });
    assert.ok((await readFile(out)).equals(sif.bytes), 'pulled bytes are identical');
  } finally {
    client.close();
  }
}

describe('registries behind a proxy, HTTP or SOCKS5 (HTTPS_PROXY / HTTP_PROXY, as apptainer)', () => {
  const sif = suiteSif('proxy', 'proxied.sif', 2 * MiB + 321);

  it(
    'tls: push and pull through CONNECT tunnels, TLS end to end, token realm too',
    { skip },
    async () => {
      const proxy = await startTestProxy();
      try {
        await roundTrip('tls', { httpsProxy: proxy.url }, sif);
        const targets = new Set(proxy.requests.map((r) => `${r.method} ${r.target}`));
        assert.ok(targets.has(`CONNECT ${bed!.tls.host}`), [...targets].join(', '));
        assert.ok(targets.has(`CONNECT ${new URL(bed!.tokenTlsUrl).host}`), 'the token realm too');
        assert.ok(proxy.requests.every((r) => r.method === 'CONNECT' && r.status === 200));
      } finally {
        await proxy.stop();
      }
    },
  );

  it('open: plain HTTP goes as absolute-form requests through the proxy', { skip }, async () => {
    const proxy = await startTestProxy();
    try {
      await roundTrip('open', { httpProxy: proxy.url }, sif);
      const methods = new Set(proxy.requests.map((r) => r.method));
      for (const m of ['GET', 'HEAD', 'POST', 'PATCH', 'PUT']) assert.ok(methods.has(m), m);
      assert.ok(proxy.requests.every((r) => r.target.startsWith(bed!.open.url)));
    } finally {
      await proxy.stop();
    }
  });

  it(
    'a proxy that wants a login: AUTH_REQUIRED naming the proxy; with it, it works',
    { skip },
    async () => {
      const login = TEST_PROXY_LOGIN;
      const proxy: TestProxy = await startTestProxy(login);
      try {
        for (const [name, key] of [
          ['tls', 'httpsProxy'],
          ['open', 'httpProxy'],
        ] as const) {
          const client = proxiedClient(name, { [key]: proxy.url });
          try {
            await assert.rejects(
              pushSif({
                client,
                file: sif.path,
                reference: parseReference(`${bed![name].host}/${uniqueRepo('proxy-login')}:v1`),
              }),
              (err: Error & { code?: string }) => {
                assert.equal(err.code, 'AUTH_REQUIRED', `${name}: ${err.message}`);
                assert.match(err.message, /proxy 127\.0\.0\.1:\d+ wants a login/);
                return true;
              },
            );
          } finally {
            client.close();
          }
          await roundTrip(name, { [key]: withLogin(proxy.url, login) }, sif);
        }
      } finally {
        await proxy.stop();
      }
    },
  );

  it(
    'SOCKS5 (ssh -D): TLS and plain-HTTP registries, token realm too, with a login',
    { skip },
    async () => {
      const proxy = await startTestSocksProxy({ login: TEST_SOCKS_LOGIN });
      try {
        const url = withLogin(proxy.url, TEST_SOCKS_LOGIN);
        await roundTrip('tls', { httpsProxy: url }, sif);
        await roundTrip('open', { httpProxy: url }, sif);
        const targets = new Set(proxy.requests.map((r) => r.target));
        for (const host of [bed!.tls.host, new URL(bed!.tokenTlsUrl).host, bed!.open.host]) {
          assert.ok(targets.has(host), `${host} in ${[...targets].join(', ')}`);
        }
        assert.ok(proxy.requests.every((r) => r.reply === 0));
      } finally {
        await proxy.stop();
      }
    },
  );

  it(
    'an https:// proxy: TLS to the proxy, CONNECT inside it, absolute-form for plain HTTP',
    { skip },
    async () => {
      const proxy = await startTestProxy(TEST_PROXY_LOGIN, await bedServerTls());
      try {
        const url = withLogin(proxy.url, TEST_PROXY_LOGIN);
        await roundTrip('tls', { httpsProxy: url }, sif);
        // The open registry's client trusts the bed CA too, for the proxy's certificate.
        await roundTrip('open', { httpProxy: url }, sif, { caFile: bed!.caFile });
        const methods = new Set(proxy.requests.map((r) => r.method));
        for (const m of ['CONNECT', 'GET', 'PUT']) assert.ok(methods.has(m), m);
        assert.ok(proxy.requests.every((r) => r.status !== 407 && r.status !== 502));
      } finally {
        await proxy.stop();
      }
    },
  );

  it(
    'an https:// proxy whose certificate is not trusted: TLS error naming the proxy',
    { skip },
    async () => {
      const proxy = await startTestProxy(undefined, await bedServerTls());
      const client = proxiedClient('open', { httpProxy: proxy.url });
      try {
        await assert.rejects(client.ping(), (err: Error & { code?: string }) => {
          assert.equal(err.code, 'TLS');
          assert.match(
            err.message,
            /certificate of the proxy 127\.0\.0\.1:\d+ was not accepted.*--ca-file/,
          );
          return true;
        });
        assert.equal(proxy.requests.length, 0);
      } finally {
        client.close();
        await proxy.stop();
      }
    },
  );

  it(
    'no variable set: the desktop system proxy (a PAC result) is used, asked once per origin',
    { skip },
    async () => {
      const http = await startTestProxy();
      const socks = await startTestSocksProxy();
      const asked: string[] = [];
      const systemProxy = async (url: URL): Promise<string> => {
        asked.push(url.origin);
        const port = (u: string) => new URL(u).port;
        return url.protocol === 'https:'
          ? `SOCKS5 127.0.0.1:${port(socks.url)}; DIRECT`
          : `PROXY 127.0.0.1:${port(http.url)}; DIRECT`;
      };
      try {
        await roundTrip('open', { systemProxy }, sif);
        await roundTrip('tls', { systemProxy }, sif);
        assert.ok(http.requests.some((r) => r.target.startsWith(bed!.open.url)));
        assert.ok(socks.requests.some((r) => r.target === bed!.tls.host));
        assert.equal(
          new Set(asked).size,
          asked.length,
          `asked once per origin: ${asked.join(', ')}`,
        );
      } finally {
        await http.stop();
        await socks.stop();
      }
    },
  );
});

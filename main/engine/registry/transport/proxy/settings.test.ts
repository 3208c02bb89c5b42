import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { redact } from '../../../redact.js';
import {
  chooseProxy,
  isSocksProxy,
  proxyFromPacResult,
  proxyAuthorization,
  proxyFor,
  proxyPort,
  proxySettingsFromEnv,
} from './settings.js';

const at = (url: string, settings: Parameters<typeof proxyFor>[1]): string | undefined =>
  proxyFor(new URL(url), settings)?.host;

describe('proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY as apptainer reads them)', () => {
  it('reads the environment: upper-case names win, lower-case ones are a fallback', () => {
    assert.deepEqual(
      proxySettingsFromEnv({
        HTTPS_PROXY: 'http://a:1',
        https_proxy: 'http://b:2',
        http_proxy: 'http://c:3',
        no_proxy: '.corp',
      }),
      { httpsProxy: 'http://a:1', httpProxy: 'http://c:3', noProxy: '.corp' },
    );
    assert.deepEqual(proxySettingsFromEnv({}), {
      httpsProxy: undefined,
      httpProxy: undefined,
      noProxy: undefined,
    });
  });

  it('picks the proxy by the registry URL scheme; none set means direct', () => {
    const settings = { httpsProxy: 'http://tls-proxy:3128', httpProxy: 'plain-proxy:8080' };
    assert.equal(at('https://ghcr.io/v2/', settings), 'tls-proxy:3128');
    assert.equal(at('http://harbor.lan/v2/', settings), 'plain-proxy:8080');
    assert.equal(at('https://ghcr.io/v2/', { httpProxy: 'http://p:1' }), undefined);
  });

  it('takes SOCKS5 proxies (socks5:// and socks5h://, as ssh -D offers them)', () => {
    for (const raw of ['socks5://127.0.0.1:1080', 'socks5h://user:pw@gw:1080']) {
      const proxy = proxyFor(new URL('https://ghcr.io/'), { httpsProxy: raw });
      assert.ok(proxy && isSocksProxy(proxy), raw);
    }
    const http = proxyFor(new URL('https://ghcr.io/'), { httpsProxy: 'http://p:1' });
    assert.ok(http && !isSocksProxy(http));
  });

  it("default proxy ports are the scheme's: 80, 443, 1080", () => {
    const port = (raw: string) =>
      proxyPort(proxyFor(new URL('https://q.io/'), { httpsProxy: raw })!);
    assert.equal(port('http://p'), 80);
    assert.equal(port('p'), 80);
    assert.equal(port('https://p'), 443);
    assert.equal(port('socks5://p'), 1080);
    assert.equal(port('https://p:8443'), 8443);
  });

  it('never proxies loopback unless told to (tests)', () => {
    const settings = { httpsProxy: 'http://p:1', httpProxy: 'http://p:1' };
    for (const url of ['https://127.0.0.1:5000/', 'http://localhost/', 'https://[::1]:443/'])
      assert.equal(at(url, settings), undefined, url);
    assert.equal(at('https://127.0.0.1:5000/', { ...settings, bypassLoopback: false }), 'p:1');
  });

  it('NO_PROXY: exact hosts, domains with or without a dot, host:port, IPs and *', () => {
    const settings = {
      httpsProxy: 'http://p:1',
      noProxy: 'registry.lan, .corp.example  quay.io:8443,10.0.0.5,[fd00::1]',
    };
    assert.equal(at('https://registry.lan/', settings), undefined);
    assert.equal(at('https://a.corp.example/', settings), undefined);
    assert.equal(at('https://corp.example/', settings), undefined);
    assert.equal(at('https://notcorp.example/', settings), 'p:1');
    assert.equal(at('https://quay.io:8443/', settings), undefined);
    assert.equal(at('https://quay.io/', settings), 'p:1', 'another port is still proxied');
    assert.equal(at('https://10.0.0.5/', settings), undefined);
    assert.equal(at('https://[fd00::1]/', settings), undefined);
    assert.equal(at('https://10.0.0.6/', settings), 'p:1');
    assert.equal(at('https://ghcr.io/', { httpsProxy: 'http://p:1', noProxy: '*' }), undefined);
  });

  it('refuses proxies it cannot use, without showing their password', () => {
    assert.throws(() => proxyFor(new URL('https://ghcr.io/'), { httpsProxy: 'socks4://p:1080' }), {
      code: 'UNSUPPORTED',
      message: /Only http:\/\/, https:\/\/ and socks5:\/\/ proxies/,
    });
    assert.throws(
      () => proxyFor(new URL('https://ghcr.io/'), { httpsProxy: 'http://user:s3cret@[bad' }),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, 'CONFIG_INVALID');
        assert.doesNotMatch(err.message, /s3cret/);
        return true;
      },
    );
  });

  it('proxy credentials become a Basic header, and logs never show them', () => {
    const header = proxyAuthorization(new URL('http://alice:pa%3Ass@proxy:3128'));
    assert.equal(header, `Basic ${Buffer.from('alice:pa:ss').toString('base64')}`);
    assert.equal(proxyAuthorization(new URL('http://proxy:3128')), undefined);
    assert.doesNotMatch(redact(`sent ${header} with pa:ss`), /pa:ss|YWxpY2U6cGE6c3M=/);
  });

  it('reads PAC results: the first entry Sifport can use, DIRECT, or a clear refusal', () => {
    const href = (result: string) => proxyFromPacResult(result)?.href;
    assert.equal(href('PROXY proxy.corp:3128; DIRECT'), 'http://proxy.corp:3128/');
    assert.equal(href('HTTPS secure.corp:443'), 'https://secure.corp/');
    assert.equal(href('SOCKS gw:1080; SOCKS5 gw:1080'), 'socks5://gw:1080', 'SOCKS4 skipped');
    assert.equal(href('DIRECT'), undefined);
    assert.equal(href(''), undefined);
    assert.equal(href('QUIC q:443; DIRECT'), undefined);
    assert.throws(() => proxyFromPacResult('SOCKS4 gw:1080'), {
      code: 'UNSUPPORTED',
      message: /only proxies Sifport cannot use \(SOCKS4 gw:1080\); set HTTPS_PROXY/,
    });
  });

  it('asks the system proxy only when no variable is set, and never for loopback or NO_PROXY', async () => {
    const asked: string[] = [];
    const systemProxy = async (url: URL) => {
      asked.push(url.host);
      return 'PROXY sys:3128';
    };
    const choose = async (url: string, settings: Parameters<typeof chooseProxy>[1]) =>
      (await chooseProxy(new URL(url), settings))?.host;
    assert.equal(await choose('https://ghcr.io/', { systemProxy }), 'sys:3128');
    assert.equal(
      await choose('https://ghcr.io/', { systemProxy, httpsProxy: 'http://env:1' }),
      'env:1',
    );
    assert.equal(
      await choose('http://harbor.lan/', { systemProxy, httpsProxy: 'http://env:1' }),
      undefined,
      'a variable is set: the environment decides, as for apptainer',
    );
    assert.equal(await choose('https://127.0.0.1:5000/', { systemProxy }), undefined);
    assert.equal(await choose('https://quay.io/', { systemProxy, noProxy: 'quay.io' }), undefined);
    assert.deepEqual(asked, ['ghcr.io']);
    await assert.rejects(
      chooseProxy(new URL('https://ghcr.io/'), {
        systemProxy: () => Promise.reject(new Error('no session')),
      }),
      {
        code: 'NETWORK',
        message: /Could not read the system proxy settings for ghcr\.io: no session/,
      },
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { redact } from '../redact.js';
import {
  isSocksProxy,
  proxyAuthorization,
  proxyFor,
  proxyPort,
  proxySettingsFromEnv,
} from './proxy-settings.js';

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
});

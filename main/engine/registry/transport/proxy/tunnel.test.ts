import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { proxyConnectionError, proxyServerName } from './tunnel.js';

const errno = (code: string, message = code): NodeJS.ErrnoException =>
  Object.assign(new Error(message), { code });

describe('proxy connection errors', () => {
  const proxy = new URL('https://proxy.corp:3129');

  it('names the proxy, not the registry, and says what to do', () => {
    assert.deepEqual(
      [
        proxyConnectionError(proxy, errno('SELF_SIGNED_CERT_IN_CHAIN')),
        proxyConnectionError(proxy, errno('EPROTO', 'ssl3_get_record:wrong version number')),
        proxyConnectionError(proxy, errno('ECONNREFUSED')),
        proxyConnectionError(proxy, errno('ENOTFOUND')),
      ].map((e) => [e?.code, e?.retryable, e?.message]),
      [
        [
          'TLS',
          false,
          'The TLS certificate of the proxy proxy.corp:3129 was not accepted (SELF_SIGNED_CERT_IN_CHAIN). If it uses a private CA, pass its certificate with --ca-file; --insecure skips verification.',
        ],
        [
          'TLS',
          false,
          'The proxy proxy.corp:3129 does not speak TLS: write its setting as http://proxy.corp:3129.',
        ],
        ['NETWORK', true, 'Cannot reach the proxy proxy.corp:3129: ECONNREFUSED.'],
        ['NETWORK', false, 'Cannot reach the proxy proxy.corp:3129: ENOTFOUND.'],
      ],
    );
  });

  it('leaves errors that are not about reaching the proxy to the caller', () => {
    assert.equal(proxyConnectionError(proxy, errno('ECONNRESET')), undefined);
    assert.equal(proxyConnectionError(proxy, errno('ETIMEDOUT')), undefined);
  });

  it("checks an https:// proxy's certificate against its own name, or its IP", () => {
    assert.equal(proxyServerName(proxy), 'proxy.corp');
    assert.equal(proxyServerName(new URL('https://10.1.2.3:3129')), '');
    assert.equal(proxyServerName(new URL('https://[fd00::1]:3129')), '');
  });
});

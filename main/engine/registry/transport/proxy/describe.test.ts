import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeProxy, withoutCredentials } from './describe.js';

describe('the proxy as the window shows it', () => {
  it('takes user names and passwords out of every form of proxy setting', () => {
    assert.equal(withoutCredentials('http://alice:s3cret@proxy.lan:3128'), 'http://proxy.lan:3128');
    assert.equal(withoutCredentials('socks5://bob@jump:1080/'), 'socks5://jump:1080');
    assert.equal(withoutCredentials('carol:pw@proxy.lan:8080'), 'proxy.lan:8080');
    assert.equal(withoutCredentials('http://proxy.lan:3128'), 'http://proxy.lan:3128');
    // Not a URL at all: only what follows the last "@" is kept.
    assert.equal(withoutCredentials('http://d:p@ss@[bad'), 'http://[bad');
    for (const shown of [
      withoutCredentials('http://alice:s3cret@proxy.lan:3128'),
      withoutCredentials('http://d:s3cret@[bad'),
    ]) {
      assert.doesNotMatch(shown, /s3cret|alice/);
    }
  });

  it('says where the proxy comes from: environment first, then the system, else none', () => {
    assert.deepEqual(
      describeProxy({
        httpsProxy: 'http://u:p@a:1',
        noProxy: '.corp',
        systemProxy: async () => '',
      }),
      { source: 'environment', httpsProxy: 'http://a:1', noProxy: '.corp', bypassLoopback: true },
    );
    assert.deepEqual(describeProxy({ systemProxy: async () => 'DIRECT' }), {
      source: 'system',
      bypassLoopback: true,
    });
    assert.deepEqual(describeProxy({ httpProxy: 'b:2', bypassLoopback: false }), {
      source: 'environment',
      httpProxy: 'b:2',
      bypassLoopback: false,
    });
    assert.deepEqual(describeProxy({}), { source: 'none', bypassLoopback: true });
  });
});

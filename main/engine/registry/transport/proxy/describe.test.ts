import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeProxy, withoutCredentials } from './describe.js';

/** Proxy settings as users write them, and what the window may show of each. */
const SHOWN: readonly (readonly [string, string])[] = [
  ['http://alice:s3cret@proxy.lan:3128', 'http://proxy.lan:3128'],
  ['socks5://bob@jump:1080/', 'socks5://jump:1080'],
  ['carol:s3cret@proxy.lan:8080', 'proxy.lan:8080'],
  ['http://proxy.lan:3128', 'http://proxy.lan:3128'],
  // Not a URL at all: only what follows the last "@" is kept.
  ['http://d:s3cret@ss@[bad', 'http://[bad'],
];

test('the window sees proxies without their user names and passwords', () => {
  for (const [setting, shown] of SHOWN) {
    assert.equal(withoutCredentials(setting), shown, setting);
    assert.doesNotMatch(withoutCredentials(setting), /s3cret|alice|bob|carol/, setting);
  }
});

test('the proxy source: the environment first, then the system, else none', () => {
  assert.deepEqual(
    describeProxy({ httpsProxy: 'http://u:p@a:1', noProxy: '.corp', systemProxy: async () => '' }),
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

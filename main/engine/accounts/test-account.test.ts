import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakeRegistry, type FakeRegistry, loopbackClient } from '../../../e2e/kit/index.js';
import { isSifportError } from '../errors.js';
import type { RegistryClient } from '../registry/client.js';
import { probeRepository, testAccount } from './test-account.js';

let open: FakeRegistry;
let old: FakeRegistry;
let locked: FakeRegistry;

before(async () => {
  open = await startFakeRegistry();
  old = await startFakeRegistry({ referrers: false });
  locked = await startFakeRegistry({ auth: { username: 'u', password: 'probe-pass-1' } });
});
after(async () => {
  await Promise.all([open.stop(), old.stop(), locked.stop()]);
});

function client(registry: FakeRegistry, password?: string): RegistryClient {
  return loopbackClient(registry.host, {
    ...(password ? { credentials: { kind: 'basic', username: 'u', password } } : {}),
  });
}

test('probes catalog, referrers and an upload session, and leaves nothing behind', async () => {
  const c = client(open);
  const caps = await testAccount(c, { repository: probeRepository('team'), now: () => 42 });
  assert.deepEqual(caps, {
    checkedAt: 42,
    authScheme: null,
    transport: 'http',
    pull: true,
    catalog: true,
    referrers: true,
    chunkedUpload: true,
    tagDelete: 'unknown',
  });
  const uploads = open.requests.filter((r) =>
    r.path.includes('/v2/team/sifport-probe/blobs/uploads'),
  );
  assert.deepEqual(
    uploads.map((r) => r.method),
    ['POST', 'DELETE'],
    'the session was cancelled',
  );
  assert.equal(
    open.requests.some((r) => r.method === 'PUT'),
    false,
  );
  c.close();
});

test('a registry without the referrers API says so; the preset decides tag delete', async () => {
  const c = client(old);
  const caps = await testAccount(c, { tagDelete: false });
  assert.equal(caps.referrers, false);
  assert.equal(caps.tagDelete, false);
  c.close();
});

test('Basic: a good login is probed, a wrong one fails the test', async () => {
  const good = client(locked, 'probe-pass-1');
  const caps = await testAccount(good);
  assert.equal(caps.authScheme, 'basic');
  assert.equal(caps.chunkedUpload, true);
  good.close();
  const bad = client(locked, 'wrong-pass-2');
  await assert.rejects(testAccount(bad), (err) => isSifportError(err, 'AUTH_REQUIRED'));
  bad.close();
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isSifportError } from '../../errors.js';
import { helperErase, helperGet, helperList, helperStore } from './credential-helpers.js';
import { createFakeHelper, type FakeHelper } from '../../../../e2e/kit/index.js';

const PASSWORD = 'helper-pa55word-Zq9';
const TOKEN = 'helper-identity-token-Xk2';

describe('docker-credential helper protocol', () => {
  let fake: FakeHelper;
  before(async () => {
    fake = await createFakeHelper();
  });
  after(() => fake.cleanup());

  it('stores, gets, lists and erases a basic credential', async () => {
    const env = fake.env;
    await helperStore(
      'fake',
      'ghcr.io',
      { kind: 'basic', username: 'alice', password: PASSWORD },
      { env },
    );
    assert.deepEqual(await helperGet('fake', 'ghcr.io', { env }), {
      kind: 'basic',
      username: 'alice',
      password: PASSWORD,
    });
    assert.deepEqual(await helperList('fake', { env }), { 'ghcr.io': 'alice' });
    assert.equal(await helperErase('fake', 'ghcr.io', { env }), true);
    assert.equal(await helperErase('fake', 'ghcr.io', { env }), false);
    assert.equal(await helperGet('fake', 'ghcr.io', { env }), undefined);
    assert.deepEqual(await helperList('fake', { env }), {});
  });

  it('maps the <token> user name to an identity token, both ways', async () => {
    const env = fake.env;
    await helperStore('fake', 'acr.example.io', { kind: 'identity-token', token: TOKEN }, { env });
    assert.deepEqual(await helperList('fake', { env }), { 'acr.example.io': '<token>' });
    assert.deepEqual(await helperGet('fake', 'acr.example.io', { env }), {
      kind: 'identity-token',
      token: TOKEN,
    });
  });

  it('counts one process per call', async () => {
    const before = (await fake.calls())['get'] ?? 0;
    await helperGet('fake', 'nothing.example', { env: fake.env });
    await helperGet('fake', 'nothing.example', { env: fake.env });
    assert.equal((await fake.calls())['get'], before + 2);
  });

  it('names the program to install when the helper is missing', async () => {
    await assert.rejects(helperGet('desktop', 'ghcr.io', { env: fake.env }), (err) => {
      assert.ok(isSifportError(err, 'CONFIG_INVALID'));
      assert.match(err.message, /docker-credential-desktop is not installed/);
      assert.match(err.message, /Docker Desktop/);
      return true;
    });
  });

  it('refuses helper names that are paths', async () => {
    await assert.rejects(helperGet('../../bin/sh', 'x', { env: fake.env }), /not a valid/);
  });

  it('reports a failing helper without echoing the secret it was given', async () => {
    const env = { ...fake.env, FAKE_HELPER_FAIL: '1' };
    const credential = { kind: 'basic', username: 'bob', password: PASSWORD } as const;
    await assert.rejects(helperStore('fake', 'quay.io', credential, { env }), (err) => {
      assert.ok(isSifportError(err, 'AUTH_REQUIRED'));
      assert.match(err.message, /keychain locked/);
      assert.ok(!err.message.includes(PASSWORD), err.message);
      return true;
    });
    await assert.rejects(helperGet('fake', 'quay.io', { env }), /failed to get: keychain locked/);
  });

  it('times out a hanging helper', async () => {
    const env = { ...fake.env, FAKE_HELPER_SLEEP: '10' };
    const started = Date.now();
    await assert.rejects(helperGet('fake', 'x.io', { env, timeoutMs: 300 }), (err) => {
      assert.ok(isSifportError(err) && err.retryable);
      assert.match(err.message, /did not finish in time/);
      return true;
    });
    assert.ok(Date.now() - started < 5000);
  });

  it('refuses to put a registry token into a helper', async () => {
    await assert.rejects(
      helperStore('fake', 'x.io', { kind: 'registry-token', token: TOKEN }, { env: fake.env }),
      (err) => isSifportError(err, 'UNSUPPORTED') && !err.message.includes(TOKEN),
    );
  });
});

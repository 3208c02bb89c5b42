import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixtureText, TEST_FINGERPRINT } from '../../e2e/kit/index.js';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { Keyring } from '../engine/keys/index.js';
import { dispatchClient } from '../../e2e/kit/dispatch-client.js';
import type { Handlers } from './dispatch.js';
import { createHandlers } from './handlers.js';

const PASSPHRASE = fixtureText('test-passphrase.txt').replace(/\r?\n$/, '');
const NEW_PASSPHRASE = 'keys-handler-Pass-5150';

interface Summary {
  fingerprint: string;
  primaryUserId?: string;
  algorithm: string;
  hasPrivate: boolean;
}

describe('keys channels over a temporary keyring', () => {
  let dir: string;
  let handlers: Handlers;
  const { answers, ok, fails } = dispatchClient(() => handlers);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sifport-keys-handlers-'));
    const keys = join(dir, 'keys');
    handlers = createHandlers(
      testHandlerDeps({ emit: () => undefined, keys: { keyring: new Keyring(keys), dir: keys } }),
    );
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    const text = JSON.stringify(answers);
    assert.ok(!text.includes(PASSPHRASE) && !text.includes(NEW_PASSPHRASE), 'no passphrase');
  });

  test('keys:import with preview stores nothing; without, stores the key', async () => {
    const armored = fixtureText('test-private-protected.asc');
    const preview = await ok<{ keys: Summary[]; stored: boolean }>('keys:import', {
      armored,
      preview: true,
    });
    assert.equal(preview.stored, false);
    assert.deepEqual(
      preview.keys.map((k) => [k.fingerprint, k.hasPrivate]),
      [[TEST_FINGERPRINT, true]],
    );
    assert.deepEqual((await ok<{ keys: Summary[] }>('keys:list', {})).keys, []);
    const imported = await ok<{ keys: Summary[]; stored: boolean }>('keys:import', {
      armored,
      passphrase: PASSPHRASE,
    });
    assert.equal(imported.stored, true);
    const list = await ok<{ keyring: string; keys: Summary[] }>('keys:list', {});
    assert.equal(list.keyring, join(dir, 'keys'));
    assert.deepEqual(
      list.keys.map((k) => [k.fingerprint, k.hasPrivate]),
      [[TEST_FINGERPRINT, true]],
    );
  });

  test('keys:import refuses what is not a key, and an unprotected private key without a passphrase', async () => {
    assert.equal((await fails('keys:import', { armored: 'hello' })).code, 'KEY_INVALID');
    const bare = await fails('keys:import', { armored: fixtureText('test-private.asc') });
    assert.equal(bare.code, 'KEY_INVALID');
    assert.match(bare.message, /not protected/);
    assert.equal((await fails('keys:import', { armored: '' })).code, 'USAGE');
  });

  test('keys:generate makes an Ed25519 pair protected by its passphrase', async () => {
    const { key } = await ok<{ key: Summary }>('keys:generate', {
      name: 'Handler Test',
      email: 'handler@example.org',
      algorithm: 'ed25519',
      passphrase: NEW_PASSPHRASE,
    });
    assert.equal(key.primaryUserId, 'Handler Test <handler@example.org>');
    assert.equal(key.algorithm, 'eddsaLegacy');
    assert.equal(key.hasPrivate, true);
    const files = await readdir(join(dir, 'keys', 'pgp-private'));
    assert.ok(files.includes(`${key.fingerprint}.asc`));
    const bad = await fails('keys:generate', { name: 'x', algorithm: 'dsa', passphrase: 'p' });
    assert.equal(bad.code, 'USAGE');
  });

  test('keys:export gives the public key; the secret one only when asked, with a warning', async () => {
    const pub = await ok<{ armored: string; secretBearing: boolean; warning?: string }>(
      'keys:export',
      { fingerprint: TEST_FINGERPRINT },
    );
    assert.match(pub.armored, /BEGIN PGP PUBLIC KEY BLOCK/);
    assert.equal(pub.secretBearing, false);
    assert.equal(pub.warning, undefined);
    const secret = await ok<{ armored: string; secretBearing: boolean; warning?: string }>(
      'keys:export',
      { fingerprint: TEST_FINGERPRINT.slice(-16), secret: true },
    );
    assert.match(secret.armored, /BEGIN PGP PRIVATE KEY BLOCK/);
    assert.equal(secret.secretBearing, true);
    assert.match(secret.warning ?? '', /private key/);
    const missing = await fails('keys:export', { fingerprint: '0'.repeat(40) });
    assert.equal(missing.code, 'NOT_FOUND');
  });

  test('keys:remove needs secret: true for a key whose private half is stored', async () => {
    const refused = await fails('keys:remove', { fingerprint: TEST_FINGERPRINT });
    assert.equal(refused.code, 'USAGE');
    assert.match(refused.message, /secret: true/);
    assert.ok(
      (await ok<{ keys: Summary[] }>('keys:list', {})).keys.some(
        (k) => k.fingerprint === TEST_FINGERPRINT,
      ),
    );
    assert.deepEqual(await ok('keys:remove', { fingerprint: TEST_FINGERPRINT, secret: true }), {
      removed: TEST_FINGERPRINT,
      secretRemoved: true,
    });
    await ok('keys:import', { armored: fixtureText('test-public.asc') });
    assert.deepEqual(await ok('keys:remove', { fingerprint: TEST_FINGERPRINT }), {
      removed: TEST_FINGERPRINT,
      secretRemoved: false,
    });
  });
});

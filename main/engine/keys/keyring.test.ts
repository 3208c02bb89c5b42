import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

import * as openpgp from 'openpgp';

import { signSif, verifySif } from '../sif/index.js';
import { TEST_FINGERPRINT, fixtureText, memoryFixture } from '../../../e2e/kit/index.js';
import { Keyring } from './keyring.js';

const PASSPHRASE = fixtureText('test-passphrase.txt').trim();
const NOW = () => new Date(1_700_000_100_000);

describe('Keyring', () => {
  let dir = '';
  let keyring: Keyring;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'sifport-keys-')), 'keyring');
    keyring = new Keyring(dir, { now: NOW });
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('imports, lists, resolves and exports public keys', async () => {
    const [summary] = await keyring.importKeys(fixtureText('test-public.asc'));
    assert.equal(summary?.fingerprint, TEST_FINGERPRINT);
    assert.equal(summary?.hasPrivate, false);
    assert.equal(summary?.version, 4);
    assert.match(summary?.primaryUserId ?? '', /SIF Peer Test/);
    await keyring.importKeys(fixtureText('test-public.asc'));
    await keyring.importKeys(fixtureText('other-public.asc'));
    const list = await keyring.list();
    assert.equal(list.length, 2);
    assert.equal(
      await keyring.resolve(TEST_FINGERPRINT.slice(-16).toLowerCase()),
      TEST_FINGERPRINT,
    );
    assert.equal(await keyring.resolve(`0x${TEST_FINGERPRINT.toLowerCase()}`), TEST_FINGERPRINT);
    const exported = await openpgp.readKey({
      armoredKey: await keyring.exportPublic(TEST_FINGERPRINT),
    });
    assert.equal(exported.isPrivate(), false);
    assert.equal(exported.getFingerprint().toUpperCase(), TEST_FINGERPRINT);
    assert.equal((await keyring.publicKeys()).length, 2);
  });

  it('refuses to store an unprotected private key unless told how to protect it', async () => {
    await assert.rejects(keyring.importKeys(fixtureText('test-private.asc')), {
      code: 'KEY_INVALID',
      message: /not protected by a passphrase/,
    });
    assert.deepEqual(await keyring.list(), []);
    const [summary] = await keyring.importKeys(fixtureText('test-private.asc'), {
      protectWith: 'new secret',
    });
    assert.equal(summary?.hasPrivate, true);
    const stored = readFileSync(join(dir, 'pgp-private', `${TEST_FINGERPRINT}.asc`), 'utf8');
    assert.equal((await openpgp.readPrivateKey({ armoredKey: stored })).isDecrypted(), false);
    assert.equal(statSync(join(dir, 'pgp-private', `${TEST_FINGERPRINT}.asc`)).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'pgp-private')).mode & 0o777, 0o700);
    const key = await keyring.unlock(TEST_FINGERPRINT, 'new secret');
    assert.equal(key.isDecrypted(), true);
  });

  it('keeps protected keys as they are and checks a given passphrase', async () => {
    await assert.rejects(
      keyring.importKeys(fixtureText('test-private-protected.asc'), { passphrase: 'wrong' }),
      (error: Error) => {
        assert.equal((error as { code?: string }).code, 'PASSPHRASE_WRONG');
        assert.doesNotMatch(error.message, /wrong/);
        return true;
      },
    );
    await keyring.importKeys(fixtureText('test-private-protected.asc'), { passphrase: PASSPHRASE });
    await assert.rejects(keyring.unlock(TEST_FINGERPRINT, 'nope'), { code: 'PASSPHRASE_WRONG' });
    const target = memoryFixture('unsigned.sif');
    await signSif(target, { key: await keyring.unlock(TEST_FINGERPRINT, PASSPHRASE), now: NOW });
    assert.equal((await verifySif(target, { keys: await keyring.publicKeys() })).ok, true);
    assert.deepEqual(readdirSync(join(dir, 'pgp-private')), [`${TEST_FINGERPRINT}.asc`]);
  });

  it('generates passphrase-protected v4 keys that sign verifiable images', async () => {
    await assert.rejects(keyring.generate({ name: 'x', passphrase: '' }), { code: 'USAGE' });
    const summary = await keyring.generate({
      name: 'Tester',
      email: 'tester@example.invalid',
      passphrase: 'pw',
      date: new Date(1_690_000_000_000),
    });
    assert.equal(summary.hasPrivate, true);
    assert.equal(summary.version, 4);
    assert.equal(summary.primaryUserId, 'Tester <tester@example.invalid>');
    assert.equal(summary.algorithm, 'eddsaLegacy');
    const target = memoryFixture('unsigned.sif');
    await signSif(target, { key: await keyring.unlock(summary.fingerprint, 'pw'), now: NOW });
    const report = await verifySif(target, { keys: await keyring.publicKeys() });
    assert.equal(report.signatures[0]?.signer?.fingerprint, summary.fingerprint);
    assert.equal(report.ok, true);
  });

  it('removes private halves or whole keys, and reports unknown keys', async () => {
    await keyring.importKeys(fixtureText('test-private-protected.asc'));
    assert.equal((await keyring.list())[0]?.hasPrivate, true);
    await keyring.remove(TEST_FINGERPRINT, { privateOnly: true });
    assert.equal((await keyring.list())[0]?.hasPrivate, false);
    await assert.rejects(keyring.unlock(TEST_FINGERPRINT, PASSPHRASE), { code: 'KEY_NOT_FOUND' });
    await keyring.remove(TEST_FINGERPRINT);
    assert.deepEqual(await keyring.list(), []);
    await assert.rejects(keyring.exportPublic(TEST_FINGERPRINT), { code: 'KEY_NOT_FOUND' });
    await assert.rejects(keyring.resolve('not hex'), { code: 'USAGE' });
  });

  it('refuses version 6 keys and unreadable input', async () => {
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ name: 'v6' }],
      format: 'armored',
      config: { v6Keys: true },
    });
    await assert.rejects(keyring.importKeys(publicKey), {
      code: 'KEY_INVALID',
      message: /version 6/,
    });
    await assert.rejects(keyring.importKeys('not a key'), { code: 'KEY_INVALID' });
  });
});

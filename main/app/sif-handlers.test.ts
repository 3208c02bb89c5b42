import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  fixturePath,
  fixtureText,
  SIGNED_SIF,
  TEST_FINGERPRINT,
  UNSIGNED_SIF,
} from '../../e2e/kit/index.js';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { Keyring } from '../engine/keys/index.js';
import { dispatchClient } from '../../e2e/kit/dispatch-client.js';
import type { Handlers } from './dispatch.js';
import { createHandlers } from './handlers.js';

const PASSPHRASE = fixtureText('test-passphrase.txt').replace(/\r?\n$/, '');

describe('sif channels over fixtures and a temporary keyring', () => {
  let dir: string;
  let handlers: Handlers;
  const { answers, ok, fails } = dispatchClient(() => handlers);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sifport-sif-handlers-'));
    const keyring = new Keyring(join(dir, 'keys'));
    await keyring.importKeys(await readFile(fixturePath('test-private-protected.asc'), 'utf8'), {
      passphrase: PASSPHRASE,
    });
    handlers = createHandlers(
      testHandlerDeps({ emit: () => undefined, keys: { keyring, dir: join(dir, 'keys') } }),
    );
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    assert.ok(!JSON.stringify(answers).includes(PASSPHRASE), 'no answer carries the passphrase');
  });

  test('sif:inspect gives the report `sifport inspect --json` prints', async () => {
    const answer = await ok<{
      size: number;
      report: {
        id: string;
        objects: { id: number; raw?: unknown; typeLabel: string }[];
        signatures: { fingerprint?: string; linkedIsGroup: boolean }[];
        deffile?: string;
        primaryArch: string;
      };
    }>('sif:inspect', { path: SIGNED_SIF });
    assert.equal(answer.size, (await stat(SIGNED_SIF)).size);
    assert.equal(answer.report.id, '5a1f0000-5a1f-4000-8000-00000000c0de');
    assert.equal(answer.report.primaryArch, 'amd64');
    assert.deepEqual(
      answer.report.objects.map((o) => o.id),
      [1, 2, 3],
    );
    assert.ok(answer.report.objects.every((o) => o.raw === undefined));
    assert.equal(answer.report.signatures[0]?.fingerprint, TEST_FINGERPRINT);
    assert.equal(answer.report.deffile, fixtureText('test.def'));
  });

  test('sif:inspect refuses a folder and a file that is not a SIF', async () => {
    assert.equal((await fails('sif:inspect', { path: dir })).code, 'FILE_ERROR');
    const notSif = await fails('sif:inspect', { path: fixturePath('test.def') });
    assert.equal(notSif.code, 'NOT_A_SIF');
    assert.equal((await fails('sif:inspect', { path: '' })).code, 'USAGE');
  });

  test('sif:verify checks each signature with the keyring, and a required signer', async () => {
    const good = await ok<{
      ok: boolean;
      message: string;
      signedBy?: { ok: boolean; matchingIds: number[] };
      report: { signatures: { verdict: string; signer?: { fingerprint: string } }[] };
    }>('sif:verify', { path: SIGNED_SIF, fingerprints: [TEST_FINGERPRINT] });
    assert.equal(good.ok, true, good.message);
    assert.deepEqual(good.signedBy, {
      ok: true,
      message: `signed by ${TEST_FINGERPRINT}`,
      matchingIds: [3],
    });
    assert.equal(good.report.signatures[0]?.verdict, 'verified');
    assert.equal(good.report.signatures[0]?.signer?.fingerprint, TEST_FINGERPRINT);

    const tampered = await ok<{ ok: boolean; report: { signatures: { verdict: string }[] } }>(
      'sif:verify',
      { path: fixturePath('signed-tampered.sif') },
    );
    assert.equal(tampered.ok, false);
    assert.equal(tampered.report.signatures[0]?.verdict, 'data-tampered');

    const other = await ok<{ ok: boolean }>('sif:verify', {
      path: fixturePath('signed-by-other.sif'),
      publicKeys: [fixtureText('other-public.asc')],
    });
    assert.equal(other.ok, true);
    const both = await fails('sif:verify', { path: SIGNED_SIF, groupId: 1, objectId: 1 });
    assert.equal(both.code, 'USAGE');
  });

  test('sif:sign signs a copy with a keyring key; the original stays unsigned', async () => {
    const original = join(dir, 'image.sif');
    await copyFile(UNSIGNED_SIF, original);
    const copy = join(dir, 'image-signed.sif');
    const signed = await ok<{
      path: string;
      signatures: { id: number; groupId: number; fingerprint: string }[];
    }>('sif:sign', {
      path: original,
      fingerprint: TEST_FINGERPRINT,
      passphrase: PASSPHRASE,
      copyTo: copy,
    });
    assert.equal(signed.path, copy);
    assert.deepEqual(
      signed.signatures.map((s) => [s.groupId, s.fingerprint]),
      [[1, TEST_FINGERPRINT]],
    );
    assert.deepEqual(await readFile(original), await readFile(UNSIGNED_SIF));
    const verified = await ok<{ ok: boolean }>('sif:verify', {
      path: copy,
      fingerprints: [TEST_FINGERPRINT],
    });
    assert.equal(verified.ok, true);

    const exists = await fails('sif:sign', {
      path: original,
      fingerprint: TEST_FINGERPRINT,
      passphrase: PASSPHRASE,
      copyTo: copy,
    });
    assert.equal(exists.code, 'FILE_ERROR');
    assert.match(exists.message, /already exists/);

    const inPlace = await ok<{ path: string; signatures: unknown[] }>('sif:sign', {
      path: original,
      fingerprint: TEST_FINGERPRINT,
      passphrase: PASSPHRASE,
      scope: { kind: 'group', groupId: 1 },
    });
    assert.equal(inPlace.path, original);
    assert.equal(inPlace.signatures.length, 1);
  });

  test('sif:sign with a wrong passphrase is KEY_INVALID and changes nothing', async () => {
    const target = join(dir, 'wrong.sif');
    await copyFile(UNSIGNED_SIF, target);
    const wrong = await fails('sif:sign', {
      path: target,
      fingerprint: TEST_FINGERPRINT,
      passphrase: 'not-the-passphrase-9',
    });
    assert.equal(wrong.code, 'KEY_INVALID');
    assert.ok(!wrong.message.includes('not-the-passphrase-9'));
    assert.deepEqual(await readFile(target), await readFile(UNSIGNED_SIF));
    const noPassphrase = await fails('sif:sign', { path: target, fingerprint: TEST_FINGERPRINT });
    assert.equal(noPassphrase.code, 'USAGE');
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadTestBed, testBedSkipReason } from '../../../e2e/kit/index.js';
import {
  assertFailure,
  copyOf,
  fingerprint,
  fixture,
  OTHER,
  passphrase,
  PUBLIC,
  root,
  sifport,
} from '../../../e2e/kit/cli-harness.js';

const bed = loadTestBed();

describe('keys', () => {
  test('import, list, export and rm round trip in a keyring directory', async () => {
    const keyring = join(root, 'keyring-roundtrip');
    const imported = await sifport(['keys', 'import', PUBLIC, '--keyring', keyring]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`Imported pub +${fingerprint}`));
    const list = await sifport(['keys', 'list', '--keyring', keyring, '--json']);
    const body = JSON.parse(list.stdout) as {
      keys: { fingerprint: string; hasPrivate: boolean }[];
    };
    assert.deepEqual(
      body.keys.map((k) => [k.fingerprint, k.hasPrivate]),
      [[fingerprint, false]],
    );
    const exported = await sifport([
      'keys',
      'export',
      fingerprint.slice(-16),
      '--keyring',
      keyring,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    // The exported key verifies what the original does.
    const copy = join(root, 'exported.asc');
    await writeFile(copy, exported.stdout);
    assert.equal((await sifport(['verify', fixture('signed.sif'), '--key', copy])).code, 0);
    // Verify against the keyring, requiring the signer.
    const verifyBy = (signer: string) =>
      sifport(['verify', fixture('signed.sif'), '--fingerprint', signer, '--keyring', keyring]);
    const byKeyring = await verifyBy(fingerprint);
    assert.equal(byKeyring.code, 0, byKeyring.stderr);
    assert.equal((await verifyBy(fingerprint.slice(-16))).code, 0);
    assertFailure(await verifyBy(OTHER), 1, /public key for 90FB.* is not in the keyring/);
    const other = await sifport([
      'keys',
      'import',
      fixture('other-public.asc'),
      '--keyring',
      keyring,
    ]);
    assert.equal(other.code, 0, other.stderr);
    assertFailure(await verifyBy(OTHER), 1, /group 1 is not signed by 90FB/);
    assert.equal((await sifport(['keys', 'rm', OTHER, '--keyring', keyring])).code, 0);
    const removed = await sifport(['keys', 'rm', fingerprint, '--keyring', keyring]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.match((await sifport(['keys', 'list', '--keyring', keyring])).stdout, /No keys/);
    assertFailure(await sifport(['keys', 'rm', fingerprint, '--keyring', keyring]), 1, /No key/);
  });

  test('private keys are stored protected; new makes a key that signs', async () => {
    const keyring = join(root, 'keyring-private');
    assertFailure(
      await sifport(['keys', 'import', fixture('test-private.asc'), '--keyring', keyring]),
      1,
      /not protected.*--passphrase-stdin/,
    );
    const imported = await sifport(
      [
        'keys',
        'import',
        fixture('test-private-protected.asc'),
        '--keyring',
        keyring,
        '--passphrase-stdin',
      ],
      passphrase,
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /pub\+sec/);
    const made = await sifport(
      [
        'keys',
        'new',
        '--name',
        'CLI Test',
        '--email',
        'cli@example.invalid',
        '--keyring',
        keyring,
        '--passphrase-stdin',
        '--json',
      ],
      'new-key-passphrase',
    );
    assert.equal(made.code, 0, made.stderr);
    const key = (JSON.parse(made.stdout) as { key: { fingerprint: string } }).key;
    assert.doesNotMatch(made.stdout, /new-key-passphrase/);
    const path = await copyOf('unsigned.sif');
    const signed = await sifport(
      ['sign', path, '--fingerprint', key.fingerprint, '--keyring', keyring, '--passphrase-stdin'],
      'new-key-passphrase',
    );
    assert.equal(signed.code, 0, signed.stderr);
    const verified = await sifport([
      'verify',
      path,
      '--fingerprint',
      key.fingerprint,
      '--keyring',
      keyring,
    ]);
    assert.equal(verified.code, 0, verified.stderr);
    assertFailure(await sifport(['keys', 'frob', '--keyring', keyring]), 2, /unknown subcommand/);
    assertFailure(await sifport(['keys', 'new', '--keyring', keyring]), 2, /--name/);
  });
});

describe(
  'pull --verify-key / --fingerprint against the registry test bed',
  {
    skip: bed ? false : testBedSkipReason,
  },
  () => {
    const suffix = randomBytes(4).toString('hex');
    const repo = (): string => `oras://${bed!.open.host}/cli/verify-${suffix}`;
    const push = async (name: string, tag: string): Promise<void> => {
      const run = await sifport(['push', fixture(name), `${repo()}:${tag}`]);
      assert.equal(run.code, 0, run.stderr);
    };

    test('a signed image verifies and lands; one that does not verify never lands', async () => {
      await push('signed.sif', 'good');
      await push('signed-by-other.sif', 'other');
      await push('signed-tampered.sif', 'tampered');
      const good = join(root, `good-${suffix}.sif`);
      const run = await sifport(['pull', `${repo()}:good`, good, '--verify-key', PUBLIC]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Verified: 1 signature\(s\) verified/);
      assert.match(run.stdout.trim().split('\n').at(-1)!, /^sha256:[a-f0-9]{64}$/);
      assert.deepEqual(await readFile(good), await readFile(fixture('signed.sif')));

      for (const tag of ['other', 'tampered']) {
        const out = join(root, `${tag}-${suffix}.sif`);
        const bad = await sifport(['pull', `${repo()}:${tag}`, out, '--verify-key', PUBLIC]);
        assertFailure(bad, 1, /does not verify.*nothing was written/);
        await assert.rejects(stat(out), { code: 'ENOENT' });
      }
      const json = await sifport([
        'pull',
        `${repo()}:other`,
        join(root, `other-json-${suffix}.sif`),
        '--verify-key',
        PUBLIC,
        '--json',
      ]);
      assert.equal(
        (JSON.parse(json.stdout) as { error: { code: string } }).error.code,
        'SIGNATURE_INVALID',
      );
    });

    test('--fingerprint checks the signer with keys from the keyring', async () => {
      await push('signed.sif', 'fp');
      const keyring = join(root, `keyring-pull-${suffix}`);
      assert.equal((await sifport(['keys', 'import', PUBLIC, '--keyring', keyring])).code, 0);
      const out = join(root, `fp-${suffix}.sif`);
      const missing = await sifport([
        'pull',
        `${repo()}:fp`,
        out,
        '--fingerprint',
        OTHER,
        '--keyring',
        keyring,
      ]);
      assertFailure(missing, 1, /public key for 90FB.* is not in the keyring/);
      await assert.rejects(stat(out), { code: 'ENOENT' });
      const run = await sifport([
        'pull',
        `${repo()}:fp`,
        out,
        '--fingerprint',
        fingerprint,
        '--keyring',
        keyring,
        '--json',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const body = JSON.parse(run.stdout) as { path: string; verified: string };
      assert.equal(body.path, out);
      assert.match(body.verified, new RegExp(`signed by ${fingerprint}`));
      assertFailure(
        await sifport(['pull', `${repo()}:fp`, out, '--keyring', keyring]),
        2,
        /--keyring goes with --fingerprint/,
      );
      // --verify: any signer whose key is in the keyring (the window's "Verify after pull").
      const any = join(root, `any-${suffix}.sif`);
      const verified = await sifport([
        'pull',
        `${repo()}:fp`,
        any,
        '--verify',
        '--keyring',
        keyring,
      ]);
      assert.equal(verified.code, 0, verified.stderr);
      assert.match(verified.stdout, /Verified: 1 signature\(s\) verified/);
      const other = join(root, `any-other-${suffix}.sif`);
      assertFailure(
        await sifport(['pull', `${repo()}:other`, other, '--verify', '--keyring', keyring]),
        1,
        /does not verify.*nothing was written/,
      );
      await assert.rejects(stat(other), { code: 'ENOENT' });
    });
  },
);

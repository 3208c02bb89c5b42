import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import * as openpgp from 'openpgp';

import { MemoryByteSource } from '../format/byte-source.js';
import { armorClearSigned } from './cleartext.js';
import { createEmptySif } from '../format/create.js';
import { openFileTarget } from '../format/file-source.js';
import { HeaderField, UNSET_TIME, view, writeInt64 } from '../format/layout.js';
import { loadSif } from '../format/load.js';
import { readObject } from '../format/objects.js';
import { removeSignatures } from './remove-signatures.js';
import { signSif } from './sign.js';
import { formatList } from '../inspect/siftool-format.js';
import {
  FIXTURES,
  IMAGE_TIME,
  SIGNATURE_TIME,
  TEST_FINGERPRINT,
  suiteGoVerifier,
  fixture,
  fixtureKeys,
  fixtureText,
  goVerify,
  hasCommand,
  memoryFixture,
  memoryUpstream,
} from '../../../../e2e/kit/index.js';
import { verifySif } from './verify.js';

const KEY = fixtureText('test-private.asc');
const at = (seconds: number) => () => new Date(seconds * 1000);
const signAsFixture = { key: KEY, now: at(SIGNATURE_TIME), reproducible: true } as const;

/** The signed text inside a clear-signed block. */
function signedText(armored: string): string {
  return armored.split('\n\n')[1]?.split('\n-----BEGIN PGP SIGNATURE-----')[0] ?? '';
}

/** Zeroes the fields that depend on the signature's length: header data size, sizes of slot 2. */
function withoutSignatureSizes(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice(0, 36864);
  const d = view(copy);
  writeInt64(d, HeaderField.dataSize, 0);
  writeInt64(d, 4096 + 2 * 585 + 25, 0);
  writeInt64(d, 4096 + 2 * 585 + 33, 0);
  return copy;
}

describe('signSif (spec B2-B5, B9)', () => {
  const go = suiteGoVerifier('sifport-sign-');

  it('signs unsigned.sif over exactly the reference payload, every other byte as in signed.sif', async () => {
    const target = memoryFixture('unsigned.sif');
    const added = await signSif(target, signAsFixture);
    assert.deepEqual(added, [
      { id: 3, groupId: 1, objectIds: [1, 2], fingerprint: TEST_FINGERPRINT },
    ]);
    const image = await loadSif(target);
    const sig = image.descriptors[2];
    assert.ok(sig);
    const armored = new TextDecoder().decode(await readObject(target, sig));
    assert.equal(signedText(armored), fixtureText('unsigned.payload.json'));
    assert.match(armored, /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n\{/);
    assert.ok(armored.endsWith('-----END PGP SIGNATURE-----'));
    // openpgp.js marks other subpackets critical than Go does, so the packet differs; the rest
    // of the file (header, descriptors, times, placement) must be the reference peer's.
    assert.deepEqual(
      withoutSignatureSizes(target.bytes()),
      withoutSignatureSizes(fixture('signed.sif')),
    );
    assert.equal(image.header.dataSize, 36864 + sig.size - 32176);
    assert.equal(image.header.modifiedAt, SIGNATURE_TIME);
  });

  it('produces a result that verifies here, in the Go library, and that siftool lists', async () => {
    const target = memoryFixture('unsigned-with-json.sif');
    await signSif(target, { key: KEY, now: at(SIGNATURE_TIME) });
    const report = await verifySif(target, { keys: await fixtureKeys('test-public.asc') });
    assert.equal(report.ok, true, JSON.stringify(report.tasks));
    const path = join(go.dir, 'signed-json.sif');
    writeFileSync(path, target.bytes());
    if (go.binary) {
      assert.deepEqual(goVerify(go.binary, path, `${FIXTURES}test-public.asc`), {
        ok: true,
        output: 'ok',
      });
    }
    if (hasCommand('siftool', ['version'])) {
      assert.equal(
        execFileSync('siftool', ['list', path], { encoding: 'utf8' }),
        formatList(await loadSif(target)),
      );
      assert.match(
        execFileSync('siftool', ['info', '4', path], { encoding: 'utf8' }),
        new RegExp(`Entity: +${TEST_FINGERPRINT}`),
      );
    }
  });

  it('is reproducible, and removing the signature restores the original bytes', async () => {
    const a = memoryFixture('unsigned.sif');
    const b = memoryFixture('unsigned.sif');
    await signSif(a, signAsFixture);
    await signSif(b, signAsFixture);
    assert.deepEqual(a.bytes(), b.bytes());
    await removeSignatures(a, { now: at(IMAGE_TIME) });
    assert.deepEqual(a.bytes(), fixture('unsigned.sif'));
  });

  it('adds a random salt unless asked to be reproducible (spec B4)', async () => {
    const a = memoryFixture('unsigned.sif');
    const b = memoryFixture('unsigned.sif');
    await signSif(a, { key: KEY, now: at(SIGNATURE_TIME) });
    await signSif(b, { key: KEY, now: at(SIGNATURE_TIME) });
    assert.notDeepEqual(a.bytes(), b.bytes());
  });

  it('unlocks protected keys, and says which passphrase problem it hit', async () => {
    const key = fixtureText('test-private-protected.asc');
    const passphrase = fixtureText('test-passphrase.txt').trim();
    await assert.rejects(signSif(memoryFixture('unsigned.sif'), { key }), {
      code: 'PASSPHRASE_REQUIRED',
    });
    await assert.rejects(
      signSif(memoryFixture('unsigned.sif'), { key, passphrase: 'not-it' }),
      (error: Error) => {
        assert.equal((error as { code?: string }).code, 'PASSPHRASE_WRONG');
        assert.doesNotMatch(error.message, /not-it/);
        return true;
      },
    );
    const target = memoryFixture('unsigned.sif');
    await signSif(target, { key, passphrase, now: at(SIGNATURE_TIME) });
    assert.equal(
      (await verifySif(target, { keys: await fixtureKeys('test-public.asc') })).ok,
      true,
    );
  });

  it('signs one object like --sif-id; a plain verify then reports the group changed', async () => {
    const target = memoryFixture('unsigned-with-json.sif');
    const [added] = await signSif(target, { ...signAsFixture, objectIds: [3] });
    assert.deepEqual(added?.objectIds, [3]);
    const image = await loadSif(target);
    const armored = new TextDecoder().decode(await readObject(target, image.descriptors[3]!));
    const payload = JSON.parse(signedText(armored)) as { objects: { relativeId: number }[] };
    assert.deepEqual(
      payload.objects.map((o) => o.relativeId),
      [2],
    );
    const keys = await fixtureKeys('test-public.asc');
    const plain = await verifySif(target, { keys });
    assert.equal(plain.signatures[0]?.verdict, 'objects-changed');
    assert.equal((await verifySif(target, { keys, objectId: 3 })).ok, true);
  });

  it('signs every group by default, one signature each (upstream two-groups.sif)', async () => {
    const target = memoryUpstream('two-groups.sif');
    const added = await signSif(target, signAsFixture);
    assert.deepEqual(
      added.map((s) => [s.groupId, s.objectIds]),
      [
        [1, [1, 2]],
        [2, [3]],
      ],
    );
    const image = await loadSif(target);
    // A deterministic image keeps the zero time (current upstream; spec C).
    assert.equal(image.header.modifiedAt, UNSET_TIME);
    assert.equal(image.descriptors.at(-1)?.createdAt, UNSET_TIME);
    const report = await verifySif(target, { keys: await fixtureKeys('test-public.asc') });
    assert.deepEqual(
      report.tasks.map((t) => [t.id, t.ok]),
      [
        [1, true],
        [2, true],
      ],
    );
    const one = memoryUpstream('two-groups.sif');
    assert.deepEqual(
      (await signSif(one, { ...signAsFixture, groupId: 2 })).map((s) => s.groupId),
      [2],
    );
  });

  it('records the OpenPGP hash actually used (spec B4, B9)', async () => {
    const target = memoryFixture('unsigned.sif');
    await signSif(target, { ...signAsFixture, hash: 'sha512' });
    const image = await loadSif(target);
    const sig = image.descriptors[2]!;
    assert.equal(sig.details.kind === 'signature' && sig.details.hashTypeName, 'SHA-512');
    assert.match(
      new TextDecoder().decode(await readObject(target, sig)),
      /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n/,
    );
    assert.equal(
      (await verifySif(target, { keys: await fixtureKeys('test-public.asc') })).ok,
      true,
    );
    if (go.binary) {
      const path = join(go.dir, 'sha512.sif');
      writeFileSync(path, target.bytes());
      assert.equal(goVerify(go.binary, path, `${FIXTURES}test-public.asc`).ok, true);
    }
  });

  it('reports hashing progress and honours an abort signal', async () => {
    const seen: number[] = [];
    await signSif(memoryFixture('unsigned.sif'), {
      ...signAsFixture,
      onProgress: (p) => seen.push(p.done - p.total),
    });
    assert.ok(seen.length > 0);
    assert.equal(seen.at(-1), 0);
    const untouched = memoryFixture('unsigned.sif');
    await assert.rejects(signSif(untouched, { ...signAsFixture, signal: AbortSignal.abort() }), {
      name: 'AbortError',
    });
    assert.deepEqual(untouched.bytes(), fixture('unsigned.sif'));
  });

  it('refuses images without groups, and times before the key existed', async () => {
    const empty = new MemoryByteSource(createEmptySif({ time: IMAGE_TIME }));
    await assert.rejects(signSif(empty, signAsFixture), {
      code: 'OBJECT_NOT_FOUND',
      message: /no object groups/,
    });
    await assert.rejects(
      signSif(memoryFixture('unsigned.sif'), { key: KEY, now: at(1_600_000_000) }),
      { code: 'KEY_INVALID' },
    );
    await assert.rejects(
      signSif(memoryFixture('unsigned.sif'), { ...signAsFixture, objectIds: [7] }),
      { code: 'OBJECT_NOT_FOUND' },
    );
  });

  it('refuses a header whose data offset lies past the end, leaving the file as it was', async () => {
    const bytes = fixture('unsigned.sif');
    writeInt64(view(bytes), HeaderField.dataOffset, 10 ** 12);
    const path = join(go.dir, 'absurd-data-offset.sif');
    writeFileSync(path, bytes);
    const target = await openFileTarget(path);
    try {
      await assert.rejects(signSif(target, signAsFixture), {
        code: 'SIF_MALFORMED',
        message: /data offset 1000000000000 lies past the end of the file/,
      });
    } finally {
      await target.close();
    }
    assert.equal(statSync(path).size, bytes.length);
  });

  it("writes the envelope in Go's layout: re-armoring signed.sif's packet gives the same text", async () => {
    const original = fixtureText('signed.signature.txt');
    const block = original.slice(original.indexOf('-----BEGIN PGP SIGNATURE-----'));
    const signature = await openpgp.readSignature({ armoredSignature: block });
    assert.equal(armorClearSigned(signedText(original), 'SHA256', signature.write()), original);
  });
});

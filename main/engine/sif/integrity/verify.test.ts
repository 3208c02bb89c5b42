import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

import type { PublicKey } from 'openpgp';

import type { ByteTarget } from '../format/byte-source.js';
import { MemoryByteSource } from '../format/byte-source.js';
import { DataType } from '../format/codes.js';
import { DescriptorField, HeaderField } from '../format/layout.js';
import { loadSif } from '../format/load.js';
import { signSif } from './sign.js';
import {
  FIXTURES,
  SIGNATURE_TIME,
  TEST_FINGERPRINT,
  UPSTREAM,
  suiteGoVerifier,
  fixture,
  fixtureKeys,
  goVerify,
  memoryFixture,
  memoryUpstream,
  upstreamKeys,
} from '../../../../e2e/kit/index.js';
import type { VerifyOptions } from './verify.js';
import { verifySif } from './verify.js';
import { appendObject } from '../format/write.js';

const SIG_SLOT = 4096 + 2 * 585;

let testKeys: PublicKey[] = [];
let otherKeys: PublicKey[] = [];

async function verdicts(source: ByteTarget, options: Partial<VerifyOptions> = {}) {
  const report = await verifySif(source, { keys: testKeys, ...options });
  return { ok: report.ok, report, verdicts: report.signatures.map((s) => s.verdict) };
}

function mutated(name: string, edit: (bytes: Uint8Array) => void): MemoryByteSource {
  const bytes = fixture(name);
  edit(bytes);
  return new MemoryByteSource(bytes);
}

describe('verifySif (spec B6-B8)', () => {
  before(async () => {
    testKeys = await fixtureKeys('test-public.asc');
    otherKeys = await fixtureKeys('other-public.asc');
  });

  it('verifies signed.sif and signed-with-json.sif with the test key (MANIFEST)', async () => {
    for (const name of ['signed.sif', 'signed-with-json.sif']) {
      const { ok, report } = await verdicts(memoryFixture(name));
      assert.equal(ok, true, name);
      const [sig] = report.signatures;
      assert.equal(sig?.verdict, 'verified');
      assert.equal(sig?.signer?.fingerprint, TEST_FINGERPRINT);
      assert.equal(sig?.fingerprint, TEST_FINGERPRINT);
      assert.equal(sig?.signedAt, SIGNATURE_TIME);
      assert.match(sig?.signer?.userId ?? '', /SIF Peer Test/);
      assert.deepEqual(sig?.verifiedIds, name === 'signed.sif' ? [1, 2] : [1, 2, 3]);
    }
  });

  it('verifies signed-by-other.sif only with its own key: unknown signer otherwise', async () => {
    assert.equal(
      (await verdicts(memoryFixture('signed-by-other.sif'), { keys: otherKeys })).ok,
      true,
    );
    const wrong = await verdicts(memoryFixture('signed-by-other.sif'));
    assert.equal(wrong.ok, false);
    assert.deepEqual(wrong.verdicts, ['unknown-signer']);
    assert.deepEqual(wrong.report.signatures[0]?.coveredIds, [1, 2]);
    assert.match(
      wrong.report.signatures[0]?.message ?? '',
      /90FB3F1CC385DE90C488FA8F9C0237B8B2430E6F/,
    );
  });

  it('tells tampered data from a tampered descriptor (MANIFEST)', async () => {
    const data = await verdicts(memoryFixture('signed-tampered.sif'));
    assert.deepEqual([data.ok, data.verdicts], [false, ['data-tampered']]);
    assert.deepEqual(data.report.signatures[0]?.objects, [
      { id: 1, descriptorOk: true, dataOk: true },
      { id: 2, descriptorOk: true, dataOk: false },
    ]);
    assert.deepEqual(data.report.signatures[0]?.verifiedIds, [1]);
    const descriptor = await verdicts(memoryFixture('signed-descriptor-tampered.sif'));
    assert.deepEqual([descriptor.ok, descriptor.verdicts], [false, ['descriptor-tampered']]);
    assert.match(descriptor.report.signatures[0]?.message ?? '', /descriptor of object 1/);
  });

  it('reports a tampered header, payload, fingerprint and hash type distinctly', async () => {
    const header = await verdicts(mutated('signed.sif', (b) => (b[5] = 0x41)));
    assert.deepEqual(header.verdicts, ['header-tampered']);
    const payload = await verdicts(mutated('signed.sif', (b) => (b[36964] = (b[36964] ?? 0) ^ 1)));
    assert.deepEqual(payload.verdicts, ['bad-signature']);
    const otherFingerprint = Buffer.from('90FB3F1CC385DE90C488FA8F9C0237B8B2430E6F', 'hex');
    const fpr = await verdicts(
      mutated('signed.sif', (b) => b.set(otherFingerprint, SIG_SLOT + DescriptorField.extra + 4)),
    );
    assert.deepEqual(fpr.verdicts, ['fingerprint-mismatch']);
    const hash = await verdicts(
      mutated('signed.sif', (b) => (b[SIG_SLOT + DescriptorField.extra] = 9)),
    );
    assert.deepEqual(hash.verdicts, ['malformed']);
    for (const r of [header, payload, fpr, hash]) assert.equal(r.ok, false);
  });

  /** signed.sif with a 3-byte generic object added to group `groupId` (0: no group). */
  async function signedPlusObject(groupId: number) {
    const image = memoryFixture('signed.sif');
    await appendObject(
      image,
      await loadSif(image),
      { dataType: DataType.generic, data: new Uint8Array(3), groupId, link: 0 },
      SIGNATURE_TIME,
    );
    return image;
  }

  it('notices objects added to a signed group, and ungrouped objects', async () => {
    const added = await signedPlusObject(1);
    const changed = await verdicts(added);
    assert.deepEqual([changed.ok, changed.verdicts], [false, ['objects-changed']]);
    assert.match(changed.report.signatures[0]?.message ?? '', /object 4 was added/);
    assert.equal((await verdicts(added, { objectId: 2 })).ok, true);

    const loose = await signedPlusObject(0);
    const result = await verdicts(loose);
    assert.equal(result.ok, false);
    assert.deepEqual(result.verdicts, ['verified']);
    assert.match(result.report.problems[0] ?? '', /object 4 .* is in no object group/);
  });

  it('requires every signature of a group to pass, and names each signer', async () => {
    const target = memoryFixture('signed.sif');
    const upstreamKey = readFileSync(`${UPSTREAM}keys/private.asc`, 'utf8');
    await signSif(target, { key: upstreamKey, now: () => new Date(SIGNATURE_TIME * 1000) });
    const partial = await verdicts(target);
    assert.deepEqual([partial.ok, partial.verdicts], [false, ['verified', 'unknown-signer']]);
    const both = await verdicts(target, { keys: [...testKeys, ...(await upstreamKeys())] });
    assert.deepEqual([both.ok, both.verdicts], [true, ['verified', 'verified']]);
  });

  it('reports unsigned images and images with nothing to verify', async () => {
    const unsigned = await verdicts(memoryFixture('unsigned.sif'));
    assert.equal(unsigned.ok, false);
    assert.match(unsigned.report.tasks[0]?.message ?? '', /no signature found for object group 1/);
    const empty = await verdicts(memoryUpstream('empty.sif'));
    assert.equal(empty.ok, false);
    assert.match(empty.report.problems[0] ?? '', /no object groups/);
  });

  it('treats legacy signatures as legacy: refused by default, accepted with legacyInsecure', async () => {
    const plain = await verdicts(memoryFixture('signed-legacy.sif'));
    assert.deepEqual([plain.ok, plain.verdicts], [false, ['legacy-needs-insecure']]);
    assert.match(plain.report.tasks[0]?.message ?? '', /only legacy signatures/);
    const insecure = await verdicts(memoryFixture('signed-legacy.sif'), { legacyInsecure: true });
    assert.deepEqual([insecure.ok, insecure.verdicts], [true, ['legacy-verified']]);
    assert.deepEqual(insecure.report.signatures[0]?.coveredIds, [2]);

    const group = await verdicts(memoryFixture('signed-legacy-group.sif'), {
      legacyInsecure: true,
      groupId: 1,
    });
    assert.deepEqual([group.ok, group.verdicts], [true, ['legacy-verified']]);
    assert.deepEqual(group.report.signatures[0]?.coveredIds, [1, 2]);
    // Like apptainer, plain --legacy-insecure looks for object signatures of the primary partition.
    assert.equal(
      (await verdicts(memoryFixture('signed-legacy-group.sif'), { legacyInsecure: true })).ok,
      false,
    );
    assert.equal(
      (
        await verdicts(memoryFixture('signed-legacy-group.sif'), {
          legacyInsecure: true,
          groupId: 1,
          keys: otherKeys,
        })
      ).verdicts[0],
      'unknown-signer',
    );
  });

  it('verifies upstream PGP images with upstream keys/private.asc', async () => {
    const keys = await upstreamKeys();
    for (const name of ['one-group-signed-pgp.sif', 'two-groups-signed-pgp.sif']) {
      const report = await verifySif(memoryUpstream(name), { keys });
      assert.equal(report.ok, true, name);
      assert.ok(
        report.signatures.every(
          (s) =>
            s.verdict === 'verified' &&
            s.signer?.fingerprint === '12045C8C0B1004D058DE4BEDA20C27EE7FF7BA84',
        ),
      );
    }
    const legacyAll = await verifySif(memoryUpstream('one-group-signed-legacy-all.sif'), {
      keys,
      legacyAll: true,
    });
    assert.equal(legacyAll.ok, true);
    const legacyGroup = await verifySif(memoryUpstream('two-groups-signed-legacy-group.sif'), {
      keys,
      legacyInsecure: true,
      groupId: 1,
    });
    assert.equal(legacyGroup.ok, true);
  });

  it('recognises DSSE signatures and reports them as unsupported', async () => {
    const keys = await upstreamKeys();
    const report = await verifySif(memoryUpstream('two-groups-signed-dsse.sif'), { keys });
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.signatures.map((s) => [s.format, s.verdict, s.coveredIds]),
      [
        ['dsse', 'dsse-unsupported', [1, 2]],
        ['dsse', 'dsse-unsupported', [3]],
      ],
    );
    assert.equal(report.signatures[0]?.fingerprint, undefined);
  });

  describe('agrees with the upstream Go library', () => {
    const go = suiteGoVerifier('sifport-verify-');

    it('on every fixture and mutation', async (t) => {
      if (!go.binary) return t.skip('Go or golang-github-sylabs-sif-dev not installed');
      const cases: [string, Uint8Array, string][] = [];
      for (const name of [
        'signed',
        'signed-with-json',
        'signed-by-other',
        'signed-tampered',
        'signed-descriptor-tampered',
        'signed-legacy',
        'unsigned',
      ]) {
        cases.push(
          [name, fixture(`${name}.sif`), 'test-public.asc'],
          [`${name}+other`, fixture(`${name}.sif`), 'other-public.asc'],
        );
      }
      cases.push([
        'header',
        mutated('signed.sif', (b) => (b[HeaderField.launchScript + 3] = 0x41)).bytes(),
        'test-public.asc',
      ]);
      for (const [label, bytes, key] of cases) {
        const path = join(go.dir, `${label}.sif`);
        writeFileSync(path, bytes);
        const ours = await verifySif(new MemoryByteSource(bytes), {
          keys: key === 'test-public.asc' ? testKeys : otherKeys,
        });
        assert.equal(ours.ok, goVerify(go.binary, path, FIXTURES + key).ok, label);
      }
    });
  });
});

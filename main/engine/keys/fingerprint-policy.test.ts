import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';

import type { PublicKey } from 'openpgp';

import { signSif } from '../sif/index.js';
import {
  SIGNATURE_TIME,
  TEST_FINGERPRINT,
  UPSTREAM,
  fixtureKeys,
  memoryFixture,
} from '../../../e2e/kit/index.js';
import { requireSignedBy } from './fingerprint-policy.js';

const OTHER = '90FB3F1CC385DE90C488FA8F9C0237B8B2430E6F';

describe('requireSignedBy (fingerprint policy)', () => {
  let keys: PublicKey[] = [];
  before(async () => {
    keys = [...(await fixtureKeys('test-public.asc')), ...(await fixtureKeys('other-public.asc'))];
  });

  it('accepts an image signed by the required key', async () => {
    const report = await requireSignedBy(memoryFixture('signed.sif'), {
      fingerprints: [TEST_FINGERPRINT.toLowerCase()],
      keys,
    });
    assert.equal(report.ok, true);
  });

  it('refuses unsigned, wrongly signed, tampered and legacy-only images', async () => {
    const cases: [string, RegExp][] = [
      ['unsigned.sif', /the image is not signed/],
      [
        'signed-by-other.sif',
        new RegExp(`object group 1 is not signed by ${TEST_FINGERPRINT} \\(signed by ${OTHER}\\)`),
      ],
      ['signed-tampered.sif', /data of object 2 changed since signing/],
      ['signed-descriptor-tampered.sif', /descriptor of object 1 changed/],
      ['signed-legacy.sif', /not signed by/],
    ];
    for (const [name, message] of cases) {
      await assert.rejects(
        requireSignedBy(memoryFixture(name), { fingerprints: [TEST_FINGERPRINT], keys }),
        (error: Error) => {
          assert.equal((error as { code?: string }).code, 'SIGNATURE_INVALID', name);
          assert.match(error.message, message, name);
          return true;
        },
      );
    }
  });

  it('tolerates extra signatures by keys it does not know', async () => {
    const target = memoryFixture('signed.sif');
    await signSif(target, {
      key: readFileSync(`${UPSTREAM}keys/private.asc`, 'utf8'),
      now: () => new Date(SIGNATURE_TIME * 1000),
    });
    const report = await requireSignedBy(target, { fingerprints: [TEST_FINGERPRINT], keys });
    assert.equal(report.ok, false); // apptainer would fail: one signer's key is missing
    assert.deepEqual(
      report.signatures.map((s) => s.verdict),
      ['verified', 'unknown-signer'],
    );
  });

  it('needs the required public key', async () => {
    await assert.rejects(
      requireSignedBy(memoryFixture('signed.sif'), {
        fingerprints: [TEST_FINGERPRINT],
        keys: keys.slice(1),
      }),
      { code: 'KEY_NOT_FOUND' },
    );
    await assert.rejects(requireSignedBy(memoryFixture('signed.sif'), { fingerprints: [], keys }), {
      code: 'USAGE',
    });
  });
});

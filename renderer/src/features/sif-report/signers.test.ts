import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeyItem } from '../../store/domain.js';
import {
  groupFingerprint,
  keyIdOf,
  keyName,
  signersOf,
  signerVerdict,
  VERDICT_WORDS,
  type SifReport,
} from './signers.js';

const ALICE = 'AAAA1111BBBB2222CCCC3333DDDD4444EEEE5555';
const OTHER = '9F3A000000000000000000000000000000001234';

function key(fingerprint: string, uid: string): KeyItem {
  return {
    fingerprint,
    keyId: fingerprint.slice(-16),
    userIds: [uid],
    primaryUserId: uid,
    algorithm: 'eddsaLegacy',
    version: 4,
    createdAt: 1,
    expiresAt: null,
    revoked: false,
    hasPrivate: false,
  };
}

function report(signatures: SifReport['signatures']): SifReport {
  return { signatures } as unknown as SifReport;
}

const sig = (id: number, fingerprint?: string) => ({
  id,
  format: 'pgp' as const,
  fingerprint,
  linkedId: 1,
  linkedIsGroup: true,
});

test('signers are matched to the keyring, one per fingerprint, unknown ones kept', () => {
  const signers = signersOf(
    report([sig(3, ALICE), sig(4, OTHER.toLowerCase()), sig(5, ALICE), sig(6)]),
    [key(ALICE, 'Alice Example <alice@example.org>')],
  );
  assert.equal(signers.length, 3);
  assert.equal(signers[0]?.key?.fingerprint, ALICE);
  assert.deepEqual(signers[0]?.signatureIds, [3, 5]);
  assert.equal(signers[1]?.key, undefined);
  assert.equal(signers[1]?.fingerprint, OTHER);
  assert.equal(signers[2]?.fingerprint, undefined);
});

test('names, key IDs and grouped fingerprints read as people expect', () => {
  assert.equal(
    keyName(key(ALICE, 'Alice Example (work) <alice@example.org>')),
    'Alice Example (work)',
  );
  assert.equal(keyName({ primaryUserId: undefined, userIds: [], keyId: 'ABCD' }), '0xABCD');
  assert.equal(keyIdOf(OTHER), '0x0000000000001234');
  assert.equal(groupFingerprint('AAAA1111BBBB'), 'AAAA 1111 BBBB');
});

test('a signer with one failed signature shows the failure', () => {
  const [signer] = signersOf(report([sig(3, ALICE), sig(5, ALICE)]), []);
  const check = (id: number, verdict: 'verified' | 'data-tampered') =>
    ({ id, verdict }) as Parameters<typeof signerVerdict>[1][number];
  assert.equal(
    signerVerdict(signer!, [check(3, 'verified'), check(5, 'data-tampered')]),
    'data-tampered',
  );
  assert.equal(signerVerdict(signer!, [check(3, 'verified')]), 'verified');
  assert.equal(signerVerdict(signer!, []), undefined);
  assert.equal(VERDICT_WORDS['data-tampered'].ok, false);
});

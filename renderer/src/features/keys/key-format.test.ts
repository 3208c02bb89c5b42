import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  algorithmLabel,
  confirms,
  confirmationCode,
  expiryOf,
  exportFileName,
  keyEmail,
} from './key-format.js';

test('algorithms read as gpg users know them', () => {
  assert.equal(algorithmLabel({ algorithm: 'eddsaLegacy' }), 'Ed25519');
  assert.equal(algorithmLabel({ algorithm: 'rsaEncryptSign', bits: 4096 }), 'RSA 4096');
  assert.equal(algorithmLabel({ algorithm: 'ecdsa', curve: 'p256' }), 'ECDSA p256');
  assert.equal(algorithmLabel({ algorithm: 'elgamal' }), 'elgamal');
});

test('e-mail, expiry and export names', () => {
  assert.equal(keyEmail({ primaryUserId: 'Alice <a@x.org>', userIds: [] }), 'a@x.org');
  assert.equal(keyEmail({ primaryUserId: 'Alice', userIds: [] }), undefined);
  const now = 1_000_000_000_000;
  assert.deepEqual(expiryOf({ expiresAt: null, revoked: false }, now), { state: 'ok' });
  assert.equal(expiryOf({ expiresAt: now / 1000 - 1, revoked: false }, now).state, 'expired');
  assert.equal(expiryOf({ expiresAt: now / 1000 + 3600, revoked: false }, now).state, 'soon');
  assert.equal(expiryOf({ expiresAt: null, revoked: true }, now).state, 'revoked');
  assert.equal(
    exportFileName(
      { primaryUserId: 'Alice Example <a@x.org>', userIds: [], keyId: '5ED44E0712BB962A' },
      false,
    ),
    'alice-example_5ED44E0712BB962A.pub.asc',
  );
  assert.equal(
    exportFileName({ primaryUserId: undefined, userIds: [], keyId: 'AB' }, true),
    'AB.secret.asc',
  );
});

test('removing a secret key is confirmed by its last 8 hex digits', () => {
  const fp = '18F3CCCA90EE7DA00CC0DAAC5ED44E0712BB962A';
  assert.equal(confirmationCode(fp), '12BB962A');
  assert.equal(confirms(fp, '12bb 962a'), true);
  assert.equal(confirms(fp, '12BB962'), false);
});

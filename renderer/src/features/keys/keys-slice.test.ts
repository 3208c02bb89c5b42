import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KeyItem } from '../../store/domain.js';
import { scriptedHost } from '../../store/scripted-host.js';
import { createSifportStore } from '../../store/store.js';

const KEY: KeyItem = {
  fingerprint: 'AAAA1111BBBB2222CCCC3333DDDD4444EEEE5555',
  keyId: 'DDDD4444EEEE5555',
  userIds: ['Ada <ada@example.invalid>'],
  primaryUserId: 'Ada <ada@example.invalid>',
  algorithm: 'eddsaLegacy',
  version: 4,
  createdAt: 1,
  expiresAt: null,
  revoked: false,
  hasPrivate: true,
};

describe('keys slice', () => {
  test('Import key… from a signer opens the Keys screen with the import sheet', () => {
    const { host } = scriptedHost({});
    const store = createSifportStore(host);
    store.getState().openDialog({ kind: 'sign', path: '/data/a.sif' });
    store.getState().openKeyImport(KEY.fingerprint);
    const state = store.getState();
    assert.equal(state.dialog, undefined);
    assert.deepEqual(state.screen, { kind: 'keys' });
    assert.deepEqual(state.keySheet, { kind: 'import', fingerprint: KEY.fingerprint });
  });

  test('a new pair reloads the list; the passphrase goes to the host and nowhere else', async () => {
    let stored: KeyItem[] = [];
    const { host, requestsTo } = scriptedHost({
      'keys:generate': () => {
        stored = [KEY];
        return { key: KEY };
      },
      'keys:list': () => ({ keyring: '/profile/keys', keys: stored }),
    });
    const store = createSifportStore(host);
    await store.getState().generateKey({
      name: 'Ada',
      algorithm: 'ed25519',
      passphrase: 'correct horse',
    });
    assert.equal(requestsTo('keys:generate')[0]?.passphrase, 'correct horse');
    assert.deepEqual(store.getState().keys, [KEY]);
    assert.equal(store.getState().keyringPath, '/profile/keys');
    assert.doesNotMatch(JSON.stringify(store.getState()), /correct horse/);
  });

  test('preview stores nothing; import sends a passphrase only when there is one', async () => {
    const { host, requestsTo } = scriptedHost({
      'keys:import': (req) => ({ keys: [KEY], stored: req.preview !== true }),
      'keys:list': () => ({ keyring: '/k', keys: [KEY] }),
    });
    const store = createSifportStore(host);
    await store.getState().previewKeys('ARMOUR');
    await store.getState().importKeys('ARMOUR');
    await store.getState().importKeys('ARMOUR', 'pw');
    assert.deepEqual(requestsTo('keys:import'), [
      { armored: 'ARMOUR', preview: true },
      { armored: 'ARMOUR' },
      { armored: 'ARMOUR', passphrase: 'pw' },
    ]);
    assert.equal(requestsTo('keys:list' as const).length, 2, 'the preview does not reload');
  });
});

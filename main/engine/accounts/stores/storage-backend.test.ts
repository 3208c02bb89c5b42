import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideSecretStorage, type LinuxSecretBackend } from './storage-backend.js';

/** The decision on Linux with encryption available, the keyring being `linuxBackend`. */
const onLinux = (linuxBackend: LinuxSecretBackend, allowWeakStorage = false) =>
  decideSecretStorage({
    platform: 'linux',
    encryptionAvailable: true,
    linuxBackend,
    allowWeakStorage,
  });

test('macOS and Windows keep secrets encrypted by the OS', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    const d = decideSecretStorage({ platform, encryptionAvailable: true, allowWeakStorage: false });
    assert.equal(d.mode, 'persistent');
    assert.equal(d.protection, 'os');
  }
});

test('a Linux keyring is used; basic_text and unknown are never silently weak', () => {
  for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
    const d = onLinux(linuxBackend);
    assert.deepEqual([d.mode, d.protection], ['persistent', 'os'], linuxBackend);
  }
  for (const linuxBackend of ['basic_text', 'unknown'] as const) {
    const refused = onLinux(linuxBackend);
    assert.deepEqual([refused.mode, refused.protection], ['session-only', 'none'], linuxBackend);
    assert.match(refused.explanation, /forgotten when Sifport quits/);
    const optedIn = onLinux(linuxBackend, true);
    assert.deepEqual([optedIn.mode, optedIn.protection], ['persistent', 'weak'], linuxBackend);
    assert.match(optedIn.explanation, /anyone who can read your files/);
  }
});

test('without encryption everything is session-only, even with the opt-in', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    const d = decideSecretStorage({
      platform,
      encryptionAvailable: false,
      linuxBackend: 'basic_text',
      allowWeakStorage: true,
    });
    assert.deepEqual([d.mode, d.backend], ['session-only', 'unavailable']);
  }
});

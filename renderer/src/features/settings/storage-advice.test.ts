import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SecretStorageInfo } from '../../store/domain.js';
import { storageAdvice } from './storage-advice.js';

const NO_KEYRING = 'basic_text (no keyring)';

/** What the host says about its secret storage (the explanation does not matter here). */
const advise = (
  mode: SecretStorageInfo['mode'],
  protection: SecretStorageInfo['protection'],
  backend: string,
) => storageAdvice({ mode, protection, backend, explanation: 'as the host says it' });

test('a system keychain needs no fix', () => {
  const advice = advise('persistent', 'os', 'GNOME libsecret');
  assert.equal(advice.tone, 'success');
  assert.equal(advice.kept, 'On disk, encrypted');
  assert.deepEqual(advice.steps, []);
});

test('no keyring on Linux: the password-store switch, and the weak opt-in only when session-only', () => {
  const session = advise('session-only', 'none', NO_KEYRING);
  assert.equal(session.tone, 'warning');
  assert.match(session.kept, /forgotten when Sifport quits/);
  assert.ok(session.commands.includes('sifport-desktop --password-store=gnome-libsecret'));
  assert.ok(session.commands.some((c) => c.startsWith('SIFPORT_ALLOW_WEAK_SECRETS=1 ')));

  const weak = advise('persistent', 'weak', NO_KEYRING);
  assert.ok(weak.commands.includes('sifport-desktop --password-store=kwallet6'));
  assert.ok(!weak.commands.some((c) => c.includes('SIFPORT_ALLOW_WEAK_SECRETS')));
});

test('no encryption at all asks for an unlocked desktop session', () => {
  const advice = advise('session-only', 'none', 'unavailable');
  assert.match(advice.steps.join(' '), /keychain unlocked/);
  assert.deepEqual(advice.commands, []);
});

test('the browser mode points at the desktop app for encrypted storage', () => {
  const advice = advise('persistent', 'weak', 'file readable only by you (0600)');
  assert.equal(advice.kept, 'On disk');
  assert.match(advice.steps.join(' '), /desktop app/);
  assert.deepEqual(advice.commands, []);
});

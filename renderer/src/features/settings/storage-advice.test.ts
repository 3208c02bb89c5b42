import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storageAdvice } from './storage-advice.js';

test('a system keychain needs no fix', () => {
  const advice = storageAdvice({
    mode: 'persistent',
    protection: 'os',
    backend: 'GNOME libsecret',
    explanation: 'Secrets are encrypted with a key held by GNOME libsecret.',
  });
  assert.equal(advice.tone, 'success');
  assert.equal(advice.kept, 'On disk, encrypted');
  assert.deepEqual(advice.steps, []);
});

test('no keyring on Linux: the password-store switch, and the weak opt-in only when session-only', () => {
  const session = storageAdvice({
    mode: 'session-only',
    protection: 'none',
    backend: 'basic_text (no keyring)',
    explanation: 'No keyring was found…',
  });
  assert.equal(session.tone, 'warning');
  assert.match(session.kept, /forgotten when Sifport quits/);
  assert.ok(session.commands.includes('sifport-desktop --password-store=gnome-libsecret'));
  assert.ok(session.commands.some((c) => c.startsWith('SIFPORT_ALLOW_WEAK_SECRETS=1 ')));

  const weak = storageAdvice({
    mode: 'persistent',
    protection: 'weak',
    backend: 'basic_text (no keyring)',
    explanation: 'You chose to save secrets without a keyring…',
  });
  assert.ok(weak.commands.includes('sifport-desktop --password-store=kwallet6'));
  assert.ok(!weak.commands.some((c) => c.includes('SIFPORT_ALLOW_WEAK_SECRETS')));
});

test('the browser mode points at the desktop app for encrypted storage', () => {
  const advice = storageAdvice({
    mode: 'persistent',
    protection: 'weak',
    backend: 'file readable only by you (0600)',
    explanation: 'Logins are kept as the sifport CLI keeps them…',
  });
  assert.equal(advice.kept, 'On disk');
  assert.match(advice.steps.join(' '), /desktop app/);
  assert.deepEqual(advice.commands, []);
});

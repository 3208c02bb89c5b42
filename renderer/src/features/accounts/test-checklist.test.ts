import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checklist, failingStep, type Capabilities } from './test-checklist.js';

const ctx = { registry: '127.0.0.1:5000', anonymous: false, insecure: false };
const caps: Capabilities = {
  checkedAt: 1,
  authScheme: 'basic',
  transport: 'http',
  pull: true,
  catalog: false,
  referrers: false,
  chunkedUpload: true,
  tagDelete: 'unknown',
};
const row = (steps: ReturnType<typeof checklist>) =>
  steps.map((s) => `${s.label}:${s.state}${s.consequence ? `→${s.consequence}` : ''}`);

test('every step is checking… while the test runs', () => {
  const steps = checklist({ state: 'running' }, ctx);
  assert.equal(steps.length, 9);
  assert.ok(steps.every((s) => s.state === 'running' && s.detail === 'checking…'));
});

test('a passed test gives each step its state and the consequence of each ✗', () => {
  assert.deepEqual(row(checklist({ state: 'passed', capabilities: caps }, ctx)), [
    'Host:ok',
    'TLS:skipped',
    'Auth:ok',
    'Login:ok',
    'Pull:ok',
    'Catalog:failed→add repositories by name',
    'Chunked upload:ok',
    'Tag delete:unknown',
    'Referrers:failed→signatures attached by referrers are not listed',
  ]);
  const remote = checklist(
    { state: 'passed', capabilities: caps },
    { ...ctx, registry: 'r.example.org' },
  );
  assert.equal(remote[1]?.consequence, 'nothing is encrypted, logins included');
  const anonymous = checklist(
    { state: 'passed', capabilities: { ...caps, authScheme: null, transport: 'https' } },
    { ...ctx, anonymous: true },
  );
  assert.deepEqual(
    anonymous.slice(1, 4).map((s) => [s.state, s.detail]),
    [
      ['ok', 'certificate verified'],
      ['ok', 'no login asked'],
      ['skipped', 'anonymous: no login sent'],
    ],
  );
});

test('a failure stops at the step its code names; later steps were not reached', () => {
  assert.equal(failingStep('NETWORK'), 'host');
  assert.equal(failingStep('TLS'), 'tls');
  assert.equal(failingStep('USAGE'), undefined);
  const error = { code: 'AUTH_REQUIRED', message: 'rejected the credentials', retryable: false };
  const steps = checklist({ state: 'failed', error }, ctx);
  assert.deepEqual(
    steps.map((s) => s.state),
    ['ok', 'ok', 'ok', 'failed', 'idle', 'idle', 'idle', 'idle', 'idle'],
  );
  assert.equal(steps[3]?.detail, 'rejected the credentials');
  assert.equal(steps[4]?.detail, 'not reached');
});

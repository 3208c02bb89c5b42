import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { Accounts } from '../engine/accounts/accounts.js';
import { MemoryAccountStore } from '../engine/accounts/stores/account-store.js';
import { MemorySecretStore } from '../engine/accounts/stores/secret-store.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { registryClients } from './registry-clients.js';
import { SESSION_STORAGE } from './session-accounts.js';

const PASSWORD = 'export-Pw-8086';

function setup() {
  let minted = 0;
  const service = new Accounts({
    store: new MemoryAccountStore(),
    secrets: new MemorySecretStore(),
    cloud: { run: async () => `minted-token-${++minted}-xyz` },
  });
  const clients = registryClients(service);
  const events: unknown[] = [];
  const handlers = createHandlers(
    testHandlerDeps({
      accounts: { service, storage: SESSION_STORAGE, clients },
      clientFor: clients.clientFor,
      emit: (event, payload) => void events.push([event, payload]),
    }),
  );
  return { service, handlers, events };
}

test('accounts:export gives a docker-config for the chosen accounts, marked secret-bearing', async () => {
  const { service, handlers } = setup();
  const a = await service.add(
    {
      provider: 'generic',
      registry: 'r.example.org',
      username: 'alice',
      secretKind: 'password',
      source: 'sifport',
    },
    PASSWORD,
  );
  const answer = await dispatch(handlers, 'accounts:export', { ids: [a.id] });
  assert.ok(answer.ok, JSON.stringify(answer));
  const value = answer.value as { config: string; secretBearing: boolean; warning: string };
  assert.equal(value.secretBearing, true);
  assert.match(value.warning, /holds your logins/);
  const auth = JSON.parse(value.config).auths['r.example.org'].auth as string;
  assert.equal(Buffer.from(auth, 'base64').toString(), `alice:${PASSWORD}`);
  assert.ok(!value.config.includes(PASSWORD), 'the password is only inside the base64 auth');
  const missing = await dispatch(handlers, 'accounts:export', { ids: ['nope'] });
  assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
  const none = await dispatch(handlers, 'accounts:export', { ids: [] });
  assert.equal(!none.ok && none.error.code, 'USAGE');
});

test('accounts:export refuses an anonymous account: it has no login to write', async () => {
  const { service, handlers } = setup();
  const open = await service.add({
    provider: 'generic',
    registry: 'open.example.org',
    username: '',
    secretKind: 'none',
    source: 'sifport',
  });
  const answer = await dispatch(handlers, 'accounts:export', { ids: [open.id] });
  assert.equal(!answer.ok && answer.error.code, 'UNSUPPORTED');
  assert.match(!answer.ok ? answer.error.message : '', /without a login/);
});

test('accounts:renew mints a new cloud token now and returns the new expiry', async () => {
  const { service, handlers, events } = setup();
  const cloud = await service.add({
    provider: 'ecr',
    registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    username: 'AWS',
    secretKind: 'cloud-command',
    source: 'sifport',
    tokenCommand: ['aws', 'ecr', 'get-login-password'],
    tokenLifetimeMs: 12 * 3600_000,
  });
  const first = await dispatch(handlers, 'accounts:renew', { id: cloud.id });
  assert.ok(first.ok, JSON.stringify(first));
  const account = (first.value as { account: { tokenMintedAt?: number; tokenExpiresAt?: number } })
    .account;
  assert.equal((account.tokenExpiresAt ?? 0) - (account.tokenMintedAt ?? 0), 12 * 3600_000);
  assert.ok(!JSON.stringify(first).includes('minted-token'), 'no token in the answer');
  const credential = await service.credentialFor((await service.get(cloud.id))!);
  assert.equal(credential?.kind === 'basic' && credential.password, 'minted-token-1-xyz');
  await dispatch(handlers, 'accounts:renew', { id: cloud.id });
  const again = await service.credentialFor((await service.get(cloud.id))!);
  assert.equal(again?.kind === 'basic' && again.password, 'minted-token-2-xyz', 'minted anew');
  assert.deepEqual(events.at(-1), ['accounts:changed', { reason: 'renewed', id: cloud.id }]);

  const plain = await service.add(
    {
      provider: 'generic',
      registry: 'r.example.org',
      username: 'bob',
      secretKind: 'password',
      source: 'sifport',
    },
    PASSWORD,
  );
  const refused = await dispatch(handlers, 'accounts:renew', { id: plain.id });
  assert.equal(!refused.ok && refused.error.code, 'UNSUPPORTED');
});

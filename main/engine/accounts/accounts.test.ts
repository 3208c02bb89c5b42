import assert from 'node:assert/strict';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileAccountStore, MemoryAccountStore } from './stores/account-store.js';
import { mintedKey } from './cloud/account-credentials.js';
import { Accounts } from './accounts.js';
import { MemoryCredentialStore } from './stores/credential-store.js';
import { fakeToken, suiteTempDir, suiteFakeCloudClis } from '../../../e2e/kit/index.js';
import { hasPosixModes } from './stores/private-file.js';
import { FileSecretStore, MemorySecretStore } from './stores/secret-store.js';

const root = suiteTempDir('sifport-accounts-');
const fakes = suiteFakeCloudClis(['aws']);
let n = 0;

test('file stores are 0600 in a 0700 directory and hold no secret in accounts.json', async () => {
  const dir = join(root.path, `cfg-${++n}`);
  const secrets = new FileSecretStore(join(dir, 'secrets.json'));
  const store = new FileAccountStore(join(dir, 'accounts.json'));
  const accounts = new Accounts({ store, secrets });
  const added = await accounts.add(
    {
      provider: 'ghcr',
      registry: 'ghcr.io',
      namespace: '/org/',
      username: 'me',
      secretKind: 'password',
      source: 'sifport',
    },
    'ghp_SecretValue123',
  );
  assert.equal(added.namespace, 'org');
  assert.deepEqual(await accounts.credentialFor(added), {
    kind: 'basic',
    username: 'me',
    password: 'ghp_SecretValue123',
  });
  if (hasPosixModes()) {
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    for (const f of ['secrets.json', 'accounts.json'])
      assert.equal((await stat(join(dir, f))).mode & 0o777, 0o600, f);
  }
  assert.doesNotMatch(await readFile(join(dir, 'accounts.json'), 'utf8'), /ghp_SecretValue123/);
  assert.deepEqual(await secrets.keys(), [added.id]);
  assert.equal(await accounts.remove(added.id), true);
  assert.deepEqual(await secrets.keys(), []);
  assert.deepEqual(await store.list(), []);
  assert.equal(await accounts.remove(added.id), false);
});

test('a corrupt accounts file is moved aside and reported', async () => {
  const dir = join(root.path, `cfg-${++n}`);
  const warnings: string[] = [];
  const store = new FileAccountStore(join(dir, 'accounts.json'), {
    onWarning: (m) => warnings.push(m),
  });
  await store.put({
    id: 'a',
    provider: 'generic',
    registry: 'h',
    username: 'u',
    secretKind: 'password',
    source: 'sifport',
    createdAt: 1,
  });
  await writeFile(join(dir, 'accounts.json'), '{"accounts": [{"id": 3}]}');
  assert.deepEqual(await store.list(), []);
  assert.match(warnings[0] ?? '', /accounts file .* was not valid; it was moved to .*corrupt-\d+/);
  assert.equal((await readdir(dir)).filter((f) => f.includes('.corrupt-')).length, 1);
});

test('logins.json entries are host-wide accounts; logout erases them and every minted token', async () => {
  const logins = new MemoryCredentialStore();
  const secrets = new MemorySecretStore();
  const clock = { now: 10_000 };
  const accounts = new Accounts({
    store: new MemoryAccountStore(),
    secrets,
    logins,
    now: () => clock.now,
    cloud: { commandOptions: { env: { PATH: fakes.path() } } },
  });
  await logins.put('r.example', { username: 'old', password: 'legacy-pass-1' });
  const [legacy] = await accounts.list();
  assert.equal(legacy?.id, 'login:r.example');
  assert.equal(legacy?.source, 'sifport');
  const login = await accounts.saveLogin('r.example', { username: 'new', password: 'pw-2-xyz' });
  assert.equal(login.username, 'new');
  clock.now += 1;
  const cloud = await accounts.add({
    provider: 'ecr',
    registry: 'r.example',
    username: 'AWS',
    secretKind: 'cloud-command',
    source: 'sifport',
    tokenCommand: ['aws', 'ecr', 'get-login-password', '--region', 'x'],
    tokenLifetimeMs: 12 * 3_600_000,
    mintedAs: 'password',
  });
  const scoped = await accounts.add(
    {
      provider: 'generic',
      registry: 'r.example',
      namespace: 'team',
      username: 't',
      secretKind: 'password',
      source: 'sifport',
    },
    'team-pass-3',
  );
  clock.now += 1;
  const provider = accounts.providerFor('team/app');
  assert.deepEqual(await provider('r.example'), {
    kind: 'basic',
    username: 't',
    password: 'team-pass-3',
  });
  // Host-wide: the newest host-wide account is the cloud one; its token is minted and kept.
  const calls = await fakes.calls('aws');
  const credential = await accounts.providerFor('other/app')('r.example');
  assert.deepEqual(credential, {
    kind: 'basic',
    username: 'AWS',
    password: fakeToken('aws', calls + 1),
  });
  await accounts.providerFor()('r.example');
  assert.equal(await fakes.calls('aws'), calls + 1, 'cached');
  const listed = (await accounts.list()).find((a) => a.id === cloud.id)!;
  assert.equal(listed.tokenExpiresAt, listed.tokenMintedAt! + 12 * 3_600_000);
  assert.ok(await secrets.get(mintedKey(cloud.id)));
  // invalidate re-mints only for cloud accounts.
  assert.equal(await provider.invalidate!('r.example'), false);
  assert.equal(
    await accounts
      .providerFor()('r.example')
      .then(() => accounts.providerFor().invalidate!('r.example')),
    true,
  );
  await accounts.providerFor()('r.example');
  assert.equal(await fakes.calls('aws'), calls + 2);

  const removed = await accounts.logout('r.example');
  assert.deepEqual(removed.sort(), [cloud.id, 'login:r.example'].sort());
  assert.deepEqual(await logins.list(), []);
  assert.deepEqual(await secrets.keys(), [scoped.id], 'minted token gone, scoped secret kept');
  assert.deepEqual(
    (await accounts.list()).map((a) => a.id),
    [scoped.id],
  );
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fakeToken,
  recordingConnector,
  loadTestBed,
  testBedSkipReason,
  suiteFakeCloudClis,
} from '../../../e2e/kit/index.js';
import { isSifportError, SifportError } from '../errors.js';
import type { Credential } from '../registry/auth/credentials.js';
import { addAccount } from './add-account.js';
import { Accounts } from './accounts.js';
import type { RegistryConnector } from './registry-connector.js';
import { MemoryAccountStore } from './stores/account-store.js';
import { MemorySecretStore } from './stores/secret-store.js';

const bed = loadTestBed();
const fakes = suiteFakeCloudClis(['aws']);

function memoryAccounts(): { accounts: Accounts; secrets: MemorySecretStore } {
  const secrets = new MemorySecretStore();
  const accounts = new Accounts({
    store: new MemoryAccountStore(),
    secrets,
    cloud: { commandOptions: { env: { PATH: fakes.path() } } },
  });
  return { accounts, secrets };
}

/** A connector that must not be reached: the request fails before any registry call. */
const unreachable: RegistryConnector = () => assert.fail('the registry was contacted');

describe('addAccount with fakes', () => {
  test('incomplete requests are USAGE errors in the front end’s words; stdin is not read', async () => {
    const { accounts } = memoryAccounts();
    const deps = { accounts, connect: unreachable };
    let reads = 0;
    const secret = async (): Promise<string> => {
      reads++;
      return 'never-read-5';
    };
    const usage = (pattern: RegExp) => (err: unknown) =>
      isSifportError(err, 'USAGE') && pattern.test((err as Error).message);

    await assert.rejects(
      addAccount(deps, { provider: 'generic', registry: 'r.example', secret }),
      usage(/^The user name is needed: /),
    );
    await assert.rejects(
      addAccount(deps, {
        provider: 'generic',
        registry: 'r.example',
        secret,
        messages: { noUsername: () => 'give -u USER' },
      }),
      usage(/^give -u USER$/),
    );
    await assert.rejects(
      addAccount(deps, { provider: 'ghcr', registry: 'ghcr.io', username: 'me' }),
      usage(/^The secret is needed: a classic personal access token/),
    );
    await assert.rejects(
      addAccount(deps, { provider: 'ecr', registry: '127.0.0.1:9', tokenCommand: { options: {} } }),
      usage(/^AWS Elastic Container Registry: the token command needs region\.$/),
    );
    await assert.rejects(
      addAccount(deps, { provider: 'nope', registry: 'x', secret }),
      usage(/unknown provider "nope"/),
    );
    await assert.rejects(addAccount(deps, { provider: 'generic', secret }), usage(/registry host/));
    assert.equal(reads, 0);
    assert.deepEqual(await accounts.list(), []);
  });

  test('a minted token whose test fails is dropped and nothing is saved', async () => {
    const { accounts, secrets } = memoryAccounts();
    const seen: Credential[] = [];
    const refusing: RegistryConnector = async (_registry, _settings, credential) => {
      seen.push(credential as Credential);
      throw new SifportError('AUTH_REQUIRED', 'The registry rejected the credentials.');
    };
    await assert.rejects(
      addAccount(
        { accounts, connect: refusing },
        {
          registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
          tokenCommand: { options: {} },
        },
      ),
      (err: unknown) => isSifportError(err, 'AUTH_REQUIRED'),
    );
    assert.equal(await fakes.calls('aws'), 1);
    assert.equal(await fakes.lastArgs('aws'), 'ecr get-login-password --region eu-west-1');
    assert.deepEqual(seen, [{ kind: 'basic', username: 'AWS', password: fakeToken('aws', 1) }]);
    assert.deepEqual(await secrets.keys(), [], 'the minted token was invalidated');
    assert.deepEqual(await accounts.list(), []);
  });

  test('skipTest saves without contacting the registry, with the given settings', async () => {
    const { accounts, secrets } = memoryAccounts();
    const account = await addAccount(
      { accounts, connect: unreachable },
      {
        provider: 'generic',
        registry: 'r.example:5000',
        namespace: '/team/',
        username: 'alice',
        secret: async () => 'typed-secret-8',
        secretKind: 'identity-token',
        connection: { caFile: '/ca.pem', insecure: false, plainHttp: true },
        skipTest: true,
      },
    );
    assert.equal(account.namespace, 'team');
    assert.equal(account.secretKind, 'identity-token');
    assert.equal(account.caFile, '/ca.pem');
    assert.equal(account.insecure, undefined);
    assert.equal(account.plainHttp, true);
    assert.equal(account.capabilities, undefined);
    assert.equal(await secrets.get(account.id), 'typed-secret-8');
  });

  test('an anonymous account takes no user name or secret and keeps none', async () => {
    const { accounts, secrets } = memoryAccounts();
    const deps = { accounts, connect: unreachable };
    const refused = (err: unknown) =>
      isSifportError(err, 'USAGE') && /anonymous account takes no/.test((err as Error).message);
    for (const extra of [
      { username: 'me' },
      { secret: 'pw-9' },
      { tokenCommand: { argv: ['x'] } },
    ]) {
      await assert.rejects(
        addAccount(deps, {
          provider: 'generic',
          registry: 'r.example',
          secretKind: 'none',
          ...extra,
        }),
        refused,
      );
    }
    const account = await addAccount(deps, {
      provider: 'dockerhub',
      secretKind: 'none',
      skipTest: true,
    });
    assert.equal(account.registry, 'docker.io');
    assert.equal(account.username, '');
    assert.equal(account.secretKind, 'none');
    assert.deepEqual(await secrets.keys(), [], 'no secret is stored');
    assert.equal(await accounts.credentialFor(account), undefined);
    assert.equal(await accounts.providerFor('library/alpine')('docker.io'), undefined);
  });
});

describe('addAccount against the test bed', { skip: bed ? false : testBedSkipReason }, () => {
  test('tests the login, then saves it with its capabilities', async () => {
    const { accounts } = memoryAccounts();
    const { connect, calls } = recordingConnector();
    const { password } = bed!.users.tester;
    const account = await addAccount(
      { accounts, connect },
      { provider: 'generic', registry: bed!.basic.host, username: 'tester', secret: password },
    );
    assert.equal(account.capabilities?.authScheme, 'basic');
    assert.equal(account.capabilities?.pull, true);
    assert.equal(account.capabilities?.chunkedUpload, true);
    assert.deepEqual(calls[0]?.settings, { caFile: undefined, insecure: false, plainHttp: false });
    assert.deepEqual(calls[0]?.credential, { kind: 'basic', username: 'tester', password });
    const [saved] = await accounts.list();
    assert.equal(saved?.id, account.id);
    assert.deepEqual(saved?.capabilities, account.capabilities);
  });

  test('a wrong password is refused and nothing is saved', async () => {
    const { accounts } = memoryAccounts();
    await assert.rejects(
      addAccount(
        { accounts, connect: recordingConnector().connect },
        {
          provider: 'generic',
          registry: bed!.basic.host,
          username: 'tester',
          secret: 'not-the-password-4',
        },
      ),
      (err: unknown) => isSifportError(err, 'AUTH_REQUIRED'),
    );
    assert.deepEqual(await accounts.list(), []);
  });

  test('an anonymous account for the open registry is tested without credentials', async () => {
    const { accounts } = memoryAccounts();
    const { connect, calls } = recordingConnector();
    const account = await addAccount(
      { accounts, connect },
      { provider: 'generic', registry: bed!.open.host, secretKind: 'none' },
    );
    assert.equal(account.capabilities?.pull, true);
    assert.equal(account.capabilities?.authScheme, null);
    const credential = calls[0]?.credential;
    assert.equal(typeof credential === 'function' ? await credential('x') : credential, undefined);
    assert.deepEqual(
      (await accounts.list()).map((a) => [a.secretKind, a.username]),
      [['none', '']],
    );
  });

  test('a registry that wants a login refuses an anonymous account; nothing is saved', async () => {
    const { accounts } = memoryAccounts();
    await assert.rejects(
      addAccount(
        { accounts, connect: recordingConnector().connect },
        { provider: 'generic', registry: bed!.basic.host, secretKind: 'none' },
      ),
      (err: unknown) => isSifportError(err, 'AUTH_REQUIRED'),
    );
    assert.deepEqual(await accounts.list(), []);
  });
});

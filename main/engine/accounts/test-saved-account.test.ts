import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  loadTestBed,
  startFakeRegistry,
  testBedSkipReason,
  type FakeRegistry,
  recordingConnector,
} from '../../../e2e/kit/index.js';
import { isSifportError } from '../errors.js';
import type { Account } from './account.js';
import { Accounts, type NewAccount } from './accounts.js';
import type { RegistryConnector } from './registry-connector.js';
import { MemoryAccountStore } from './stores/account-store.js';
import { MemorySecretStore } from './stores/secret-store.js';
import { testSavedAccount } from './test-saved-account.js';

const bed = loadTestBed();

function memoryAccounts(): Accounts {
  return new Accounts({ store: new MemoryAccountStore(), secrets: new MemorySecretStore() });
}

/** Saves a generic password account, as `accounts add --skip-test` would. */
function savePassword(
  accounts: Accounts,
  registry: string,
  username: string,
  password: string,
  extra: Partial<NewAccount> = {},
): Promise<Account> {
  const account: NewAccount = {
    provider: 'generic',
    registry,
    username,
    secretKind: 'password',
    source: 'sifport',
    ...extra,
  };
  return accounts.add(account, password);
}

describe('testSavedAccount with fakes', () => {
  let locked: FakeRegistry;
  before(async () => {
    locked = await startFakeRegistry({ auth: { username: 'u', password: 'saved-pass-6' } });
  });
  after(() => locked.stop());

  test('an unknown id is NOT_FOUND and no registry is contacted', async () => {
    const connect: RegistryConnector = () => assert.fail('the registry was contacted');
    await assert.rejects(
      testSavedAccount({ accounts: memoryAccounts(), connect }, { id: 'generic-00000000' }),
      (err: unknown) =>
        isSifportError(err, 'NOT_FOUND') && /no account generic-00000000/.test(String(err)),
    );
  });

  test('a refused login throws, keeps the account as it was, and closes the client', async () => {
    const accounts = memoryAccounts();
    const account = await savePassword(accounts, locked.host, 'u', 'no-longer-valid-2', {
      namespace: 'team',
      plainHttp: true,
    });
    let closed = 0;
    const { connect, calls } = recordingConnector();
    const counting: RegistryConnector = async (registry, given, credential) => {
      const client = await connect(registry, given, credential);
      const close = client.close.bind(client);
      client.close = () => {
        closed++;
        close();
      };
      return client;
    };
    await assert.rejects(
      testSavedAccount(
        { accounts, connect: counting },
        { id: account.id, connection: { insecure: true } },
      ),
      (err: unknown) => isSifportError(err, 'AUTH_REQUIRED'),
    );
    assert.deepEqual(
      calls.map((c) => c.settings),
      [{ caFile: undefined, insecure: true, plainHttp: true }],
    );
    assert.equal(closed, 1);
    assert.equal((await accounts.get(account.id))?.capabilities, undefined);
  });

  test('probes the repository asked for and saves what it found', async () => {
    const accounts = memoryAccounts();
    const account = await savePassword(accounts, locked.host, 'u', 'saved-pass-6', {
      plainHttp: true,
    });
    const { connect } = recordingConnector();
    const result = await testSavedAccount(
      { accounts, connect },
      { id: account.id, repository: 'elsewhere/probe' },
    );
    assert.equal(result.capabilities.pull, true);
    assert.ok(locked.requests.some((r) => r.path.startsWith('/v2/elsewhere/probe/tags/list')));
    assert.deepEqual((await accounts.get(account.id))?.capabilities, result.capabilities);
    assert.deepEqual(result.account.capabilities, result.capabilities);
  });
});

describe('testSavedAccount against the test bed', { skip: bed ? false : testBedSkipReason }, () => {
  test('probes a saved password account and keeps the capabilities with it', async () => {
    const accounts = memoryAccounts();
    const account = await savePassword(
      accounts,
      bed!.basic.host,
      'tester',
      bed!.users.tester.password,
    );
    const { connect, calls } = recordingConnector();
    const { capabilities } = await testSavedAccount({ accounts, connect }, { id: account.id });
    assert.equal(capabilities.authScheme, 'basic');
    assert.equal(capabilities.catalog, true);
    assert.equal(capabilities.chunkedUpload, true);
    assert.deepEqual(
      calls.map((c) => c.settings),
      [{ caFile: undefined, insecure: false, plainHttp: false }],
    );
    assert.deepEqual((await accounts.get(account.id))?.capabilities, capabilities);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accountView } from '../../shared/accounts-contract.js';
import { channels, type EventName, type EventOf } from '../../shared/contract.js';
import { loadTestBed, testBedSkipReason, UNSIGNED_SIF, waitFor } from '../../e2e/kit/index.js';
import type { ImportedLogin } from '../engine/accounts/interop/config-import.js';
import { dispatch, type Handlers } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { sessionAccounts } from './session-accounts.js';

const bed = loadTestBed();
const PASSWORD = 'handler-Pw-4711';

/** Handlers over in-memory accounts, recording the events they send. */
function setup(findLogins?: (helpers: boolean) => Promise<ImportedLogin[]>) {
  const events: { event: EventName; payload: unknown }[] = [];
  const emit = <E extends EventName>(event: E, payload: EventOf<E>): void => {
    events.push({ event, payload });
  };
  const session = sessionAccounts({ findLogins });
  const handlers: Handlers = createHandlers(testHandlerDeps({ ...session, emit }));
  async function call(channel: string, request: unknown) {
    const envelope = await dispatch(handlers, channel, request);
    return envelope;
  }
  async function ok<T>(channel: string, request: unknown): Promise<T> {
    const envelope = await call(channel, request);
    assert.ok(envelope.ok, JSON.stringify(envelope));
    return envelope.value as T;
  }
  return { events, call, ok, session };
}

/** A login found in `file` whose credential is `user` with {@link PASSWORD}. */
function foundBasic(
  registry: string,
  file: string,
  user: string,
  more: Partial<ImportedLogin> = {},
): ImportedLogin {
  const credential = { kind: 'basic' as const, username: user, password: PASSWORD };
  return { registry, source: 'docker', file, credential, ...more };
}

interface ListAnswer {
  accounts: Array<{ id: string; registry: string; username: string; source: string }>;
  storage: { mode: string };
}

describe('accounts handlers over in-memory stores', () => {
  test('the account list schema has no field that could carry a secret', () => {
    const keys = Object.keys(accountView.shape);
    const secretLike = keys.filter((k) =>
      /^(secret|password|token|auth|identitytoken|registrytoken|credentials?)$/i.test(k),
    );
    assert.deepEqual(secretLike, []);
    assert.ok(!keys.some((k) => /password|credential/i.test(k)));
    assert.ok(channels['accounts:list'].response.shape.accounts);
  });

  test('providers: list with their login ritual, detect from a pasted reference', async () => {
    const { ok } = setup();
    const { providers } = await ok<{
      providers: Array<{ id: string; help: string[]; hostHint: string; tokenLifetimeMs?: number }>;
    }>('providers:list', {});
    const ocir = providers.find((p) => p.id === 'ocir');
    assert.equal(ocir?.hostHint, 'REGION.ocir.io');
    assert.ok((ocir?.help.length ?? 0) > 0);
    assert.equal(providers.find((p) => p.id === 'ecr')?.tokenLifetimeMs, 12 * 3600_000);
    assert.equal(providers.at(-1)?.id, 'generic');
    assert.deepEqual(
      await ok('providers:detect', {
        input: 'oras://123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1',
      }),
      {
        provider: 'ecr',
        registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        namespace: 'team/app',
        parts: { account: '123456789012', region: 'eu-west-1' },
      },
    );
    assert.deepEqual(await ok('providers:detect', { input: 'ghcr.io' }), {
      provider: 'ghcr',
      registry: 'ghcr.io',
      namespace: undefined,
    });
  });

  test('add (untested) then list: no secret in the answer; remove forgets it', async () => {
    const { ok, events, session } = setup();
    const { account } = await ok<{ account: { id: string } }>('accounts:add', {
      provider: 'generic',
      registry: 'registry.example.org',
      username: 'alice',
      secret: PASSWORD,
      skipTest: true,
    });
    const list = await ok<ListAnswer>('accounts:list', {});
    assert.equal(list.accounts.length, 1);
    assert.equal(list.accounts[0]?.username, 'alice');
    assert.equal(list.storage.mode, 'session-only');
    assert.ok(!JSON.stringify(list).includes(PASSWORD), 'the list must not carry the password');
    const credential = await session.accounts.service.providerFor('x/y')('registry.example.org');
    assert.deepEqual(credential, { kind: 'basic', username: 'alice', password: PASSWORD });
    assert.deepEqual(await ok('accounts:remove', { id: account.id }), { removed: true });
    assert.deepEqual((await ok<ListAnswer>('accounts:list', {})).accounts, []);
    assert.deepEqual(
      events.map((e) => e.payload),
      [
        { reason: 'added', id: account.id },
        { reason: 'removed', id: account.id },
      ],
    );
  });

  test('refuses incomplete requests as USAGE errors, saving nothing', async () => {
    const { call, ok } = setup();
    const noSecret = await call('accounts:add', {
      provider: 'ghcr',
      registry: 'ghcr.io',
      username: 'me',
    });
    assert.ok(!noSecret.ok && noSecret.error.code === 'USAGE');
    assert.match(!noSecret.ok ? noSecret.error.message : '', /personal access token/);
    const noUser = await call('accounts:add', {
      provider: 'generic',
      registry: 'r.example',
      secret: PASSWORD,
    });
    assert.match(!noUser.ok ? noUser.error.message : '', /user name is needed/);
    const noRegion = await call('accounts:add', {
      provider: 'ecr',
      registry: '127.0.0.1:9',
      tokenCommand: {},
    });
    assert.match(!noRegion.ok ? noRegion.error.message : '', /region/);
    const badProvider = await call('accounts:add', { provider: 'nope', registry: 'x' });
    assert.ok(!badProvider.ok && badProvider.error.code === 'USAGE');
    const missing = await call('accounts:test', { id: 'generic-00000000' });
    assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');
    assert.deepEqual((await ok<ListAnswer>('accounts:list', {})).accounts, []);
  });

  test('import saves the logins found with their source file, skips helper-held ones', async () => {
    const found: ImportedLogin[] = [
      foundBasic('ghcr.io', '/home/u/.docker/config.json', 'bob', { username: 'bob' }),
      { registry: 'quay.io', source: 'podman', file: '/run/auth.json', helper: 'secretservice' },
    ];
    let askedHelpers: boolean | undefined;
    const { ok } = setup(async (helpers) => {
      askedHelpers = helpers;
      return found;
    });
    const report = await ok<{
      imported: Array<{ registry: string; origin: string }>;
      skipped: Array<{ registry: string; reason: string }>;
    }>('accounts:import', {});
    assert.equal(askedHelpers, false);
    assert.deepEqual(
      report.imported.map((i) => [i.registry, i.origin]),
      [['ghcr.io', '/home/u/.docker/config.json']],
    );
    assert.match(report.skipped[0]?.reason ?? '', /docker-credential-secretservice/);
    const list = await ok<ListAnswer>('accounts:list', {});
    assert.equal(list.accounts[0]?.source, 'docker-config');
    assert.ok(!JSON.stringify(list).includes(PASSWORD));
    await ok('accounts:import', {});
    assert.equal((await ok<ListAnswer>('accounts:list', {})).accounts.length, 1, 'no duplicate');
  });

  test('import preview saves nothing; a selection imports only the ticked logins', async () => {
    const found: ImportedLogin[] = [
      foundBasic('ghcr.io', '/home/u/.docker/config.json', 'bob', { key: 'ghcr.io' }),
      foundBasic('quay.io', '/run/auth.json', 'robot+ci', {
        namespace: 'lab',
        source: 'podman',
        key: 'quay.io/lab',
      }),
      {
        registry: 'r.example',
        source: 'docker',
        file: '/d.json',
        helper: 'pass',
        key: 'r.example',
      },
    ];
    const { ok, events } = setup(async () => found);
    type Found = Array<{
      key: string;
      registry: string;
      username?: string;
      origin: string;
      problem?: string;
      alreadyImported: boolean;
    }>;
    const preview = await ok<{ found: Found; imported: unknown[] }>('accounts:import', {
      preview: true,
    });
    assert.deepEqual(
      preview.found.map((f) => [f.registry, f.username, f.origin, f.alreadyImported]),
      [
        ['ghcr.io', 'bob', '/home/u/.docker/config.json', false],
        ['quay.io', 'robot+ci', '/run/auth.json', false],
        ['r.example', undefined, '/d.json (docker-credential-pass)', false],
      ],
    );
    assert.match(preview.found[2]?.problem ?? '', /Also ask credential helpers/);
    assert.deepEqual(preview.imported, []);
    assert.ok(!JSON.stringify(preview).includes(PASSWORD), 'no secret in the preview');
    assert.deepEqual((await ok<ListAnswer>('accounts:list', {})).accounts, []);
    assert.deepEqual(events, [], 'a preview changes nothing');

    const quay = preview.found[1]!.key;
    const report = await ok<{
      imported: Array<{ registry: string }>;
      skipped: Array<{ registry: string; reason: string }>;
    }>('accounts:import', { select: [quay, '/gone.json#old.example'] });
    assert.deepEqual(
      report.imported.map((i) => i.registry),
      ['quay.io'],
    );
    assert.deepEqual(report.skipped, [
      { registry: 'old.example', file: '/gone.json', reason: 'no longer in the file; look again' },
    ]);
    const again = await ok<{ found: Found }>('accounts:import', { preview: true });
    assert.deepEqual(
      again.found.map((f) => f.alreadyImported),
      [false, true, false],
    );
  });
});

describe(
  'accounts handlers against the test bed',
  { skip: bed ? false : testBedSkipReason },
  () => {
    test('a wrong password is refused and nothing is saved', async () => {
      const { call, ok } = setup();
      const wrong = await call('accounts:add', {
        provider: 'generic',
        registry: bed!.basic.host,
        username: 'tester',
        secret: 'not-the-password-3',
      });
      assert.ok(!wrong.ok);
      assert.equal(!wrong.ok && wrong.error.code, 'AUTH_REQUIRED');
      assert.match(!wrong.ok ? wrong.error.message : '', /rejected the credentials/);
      assert.deepEqual((await ok<ListAnswer>('accounts:list', {})).accounts, []);
    });

    test('an anonymous account browses the open registry; its list entry has no user', async () => {
      const { ok, call } = setup();
      const { account } = await ok<{
        account: {
          id: string;
          secretKind: string;
          username: string;
          capabilities?: { pull: boolean };
        };
      }>('accounts:add', { provider: 'generic', registry: bed!.open.host, secretKind: 'none' });
      assert.deepEqual([account.secretKind, account.username], ['none', '']);
      assert.equal(account.capabilities?.pull, true);
      const repos = await call('registry:repos', { registry: bed!.open.host });
      assert.ok(repos.ok, JSON.stringify(repos));
      const withSecret = await call('accounts:add', {
        provider: 'generic',
        registry: bed!.open.host,
        secretKind: 'none',
        secret: PASSWORD,
      });
      assert.equal(!withSecret.ok && withSecret.error.code, 'USAGE');
    });

    test('add tests the login; test probes again; transfers log in with the account', async () => {
      const { ok, events } = setup();
      const { username, password } = bed!.users.tester;
      const { account } = await ok<{
        account: { id: string; capabilities?: { pull: boolean; chunkedUpload: unknown } };
      }>('accounts:add', {
        provider: 'generic',
        registry: bed!.basic.host,
        username,
        secret: password,
      });
      assert.equal(account.capabilities?.pull, true);
      assert.equal(account.capabilities?.chunkedUpload, true);
      const tested = await ok<{ capabilities: { authScheme: string } }>('accounts:test', {
        id: account.id,
      });
      assert.equal(tested.capabilities.authScheme, 'basic');
      assert.ok(!JSON.stringify(await ok('accounts:list', {})).includes(password));

      const reference = `oras://${bed!.basic.host}/accounts/h${Date.now().toString(36)}:v1`;
      await ok('transfer:push', { file: UNSIGNED_SIF, reference });
      const done = () => events.find((e) => e.event === 'transfer:finished');
      await waitFor(() => done() !== undefined, { timeoutMs: 30_000, what: 'the push to end' });
      const finished = done()!.payload as EventOf<'transfer:finished'>;
      assert.equal(finished.job.state, 'done', JSON.stringify(finished.job.error));
    });
  },
);

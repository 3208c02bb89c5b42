import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  startFakeRegistry,
  type FakeRegistry,
  loadTestBed,
  testBedSkipReason,
  fakeToken,
  UNSIGNED_SIF,
  suiteTempDir,
  suiteFakeCloudClis,
} from '../../../e2e/kit/index.js';
import { runCli } from '../main.js';

const bed = loadTestBed();
const root = suiteTempDir('sifport-accounts-cli-');
const fakes = suiteFakeCloudClis(['aws']);
let n = 0;
/** Everything every CLI run of this file printed, for the secret scan at the end. */
const printed: string[] = [];
/** Every password and token the runs used. */
const secrets = new Set<string>();

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function configDir(): string {
  return join(root.path, `config-${++n}`);
}

async function sifport(
  argv: string[],
  options: { stdin?: string; configDir: string; path?: string; home?: string },
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  if (options.stdin) secrets.add(options.stdin.trim());
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield Buffer.from(options.stdin);
    })(),
    env: {
      SIFPORT_CONFIG_DIR: options.configDir,
      HOME: options.home ?? root.path,
      PATH: options.path ?? fakes.path(),
    },
    isTTY: false,
    cwd: root.path,
  });
  printed.push(stdout, stderr);
  return { code, stdout, stderr };
}

function json<T>(run: Run): T {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}

interface ListedAccount {
  id: string;
  provider: string;
  registry: string;
  namespace?: string;
  username: string;
  token: string;
  capabilities?: Record<string, unknown>;
}

describe('without a registry', () => {
  test('usage errors name what is missing', async () => {
    const dir = configDir();
    const bad = await sifport(['accounts', 'frob'], { configDir: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown subcommand "frob"/);
    const noSecret = await sifport(['accounts', 'add', 'ghcr.io', '-u', 'me'], { configDir: dir });
    assert.equal(noSecret.code, 2);
    assert.match(noSecret.stderr, /--password-stdin \(a classic personal access token/);
    const noRegion = await sifport(['accounts', 'add', '127.0.0.1:9', '--provider', 'ecr'], {
      configDir: dir,
    });
    assert.match(noRegion.stderr, /needs --region/);
    const inline = await sifport(
      ['accounts', 'add', 'ghcr.io', '-u', 'me', '-p', 'inline-secret-7'],
      {
        configDir: dir,
      },
    );
    assert.match(inline.stderr, /refusing a password on the command line/);
    secrets.add('inline-secret-7');
    const empty = await sifport(['accounts', 'list'], { configDir: dir });
    assert.match(empty.stdout, /No accounts/);
  });

  test('a missing cloud CLI says what to install, and nothing is saved', async () => {
    const dir = configDir();
    const run = await sifport(['accounts', 'add', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'], {
      configDir: dir,
      path: '/nonexistent',
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /`aws` was not found: install the AWS CLI v2/);
    assert.deepEqual(
      json<{ accounts: unknown[] }>(
        await sifport(['accounts', 'list', '--json'], { configDir: dir }),
      ).accounts,
      [],
    );
  });
});

describe('a cloud (ECR-like) registry with a fake aws CLI', () => {
  let ecr: FakeRegistry;
  before(async () => {
    ecr = await startFakeRegistry({ auth: { username: 'AWS', password: fakeToken('aws', 1) } });
    secrets.add(fakeToken('aws', 1));
  });
  after(() => ecr.stop());

  test('add mints a token, tests it, and later commands reuse it until it expires', async () => {
    const dir = configDir();
    const add = await sifport(
      ['accounts', 'add', ecr.host, '--provider', 'ecr', '--region', 'eu-west-1', '--json'],
      { configDir: dir },
    );
    const { account } = json<{ account: ListedAccount & { tokenCommand: string[] } }>(add);
    assert.equal(account.username, 'AWS');
    assert.deepEqual(account.tokenCommand, [
      'aws',
      'ecr',
      'get-login-password',
      '--region',
      'eu-west-1',
    ]);
    assert.equal(account.capabilities?.['chunkedUpload'], true);
    assert.equal(await fakes.calls('aws'), 1);
    const push = await sifport(['push', UNSIGNED_SIF, `oras://${ecr.host}/team/app:1`], {
      configDir: dir,
    });
    assert.equal(push.code, 0, push.stderr);
    assert.equal(await fakes.calls('aws'), 1, 'the minted token was reused from the secret file');
    const list = await sifport(['accounts', 'list'], { configDir: dir });
    assert.match(
      list.stdout,
      /ecr\s+127\.0\.0\.1:\d+\s+\*\s+AWS\s+sifport\s+cloud token: minted \d+s ago, expires in 12h/,
    );
    const secretsFile = join(dir, 'secrets.json');
    if (process.platform !== 'win32') assert.equal((await stat(secretsFile)).mode & 0o777, 0o600);
    const rm = await sifport(['accounts', 'rm', account.id], { configDir: dir });
    assert.match(rm.stdout, /its secret and cached tokens/);
    assert.deepEqual(JSON.parse(await readFile(secretsFile, 'utf8')).secrets, {});
  });
});

describe('against the registry test bed', { skip: bed ? false : testBedSkipReason }, () => {
  const suffix = randomBytes(4).toString('hex');

  test('basic: add checks the password, test probes, list shows it, rm forgets it', async () => {
    const dir = configDir();
    const host = bed!.basic.host;
    const wrong = await sifport(['accounts', 'add', host, '-u', 'tester', '--password-stdin'], {
      configDir: dir,
      stdin: 'not-the-password-9',
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /rejected the credentials/);
    const add = await sifport(['accounts', 'add', host, '-u', 'tester', '--password-stdin'], {
      configDir: dir,
      stdin: `${bed!.users.tester.password}\n`,
    });
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Added login:127\.0\.0\.1:\d+: tester on /);
    // A host-wide password account is the same thing `login` saves: logins.json.
    const logins = JSON.parse(await readFile(join(dir, 'logins.json'), 'utf8'));
    assert.equal(logins.logins[host].username, 'tester');
    const tested = json<{ capabilities: Record<string, unknown> }>(
      await sifport(['accounts', 'test', host, '--json'], { configDir: dir }),
    );
    assert.equal(tested.capabilities['authScheme'], 'basic');
    assert.equal(tested.capabilities['catalog'], true);
    assert.equal(tested.capabilities['chunkedUpload'], true);
    assert.equal(tested.capabilities['referrers'], false, 'distribution 2.8 has no referrers API');
    const [listed] = json<{ accounts: ListedAccount[] }>(
      await sifport(['accounts', 'list', '--json'], { configDir: dir }),
    ).accounts;
    assert.equal(listed?.capabilities?.['catalog'], true, 'kept with the account');
    assert.equal(listed?.token, 'password');
    const text = await sifport(['accounts', 'test', `login:${host}`], { configDir: dir });
    assert.match(text.stdout, /chunked upload: yes/);
    assert.equal((await sifport(['accounts', 'rm', host], { configDir: dir })).code, 0);
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'logins.json'), 'utf8')).logins, {});
  });

  test('open: --anonymous adds an account without a login, tested and listed as such', async () => {
    const dir = configDir();
    const host = bed!.open.host;
    const mixed = await sifport(['accounts', 'add', host, '--anonymous', '-u', 'me'], {
      configDir: dir,
    });
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--anonymous takes no -u/);
    const add = await sifport(['accounts', 'add', host, '--anonymous'], { configDir: dir });
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Added generic-[0-9a-f]+: anonymous on /);
    assert.match(add.stdout, /pull token: {5}ok/);
    const [listed] = json<{ accounts: ListedAccount[] }>(
      await sifport(['accounts', 'list', '--json'], { configDir: dir }),
    ).accounts;
    assert.equal(listed?.username, '');
    assert.equal(listed?.token, 'none (anonymous)');
    const text = await sifport(['accounts', 'list'], { configDir: dir });
    assert.match(text.stdout, /none \(anonymous\)/);
  });

  test('bearer: a namespace account is picked for its repositories, the host-wide one elsewhere', async () => {
    const dir = configDir();
    const host = bed!.bearer.host;
    const reader = json<{ account: ListedAccount }>(
      await sifport(
        ['accounts', 'add', `${host}/ro-${suffix}`, '-u', 'reader', '--password-stdin', '--json'],
        {
          configDir: dir,
          stdin: bed!.users.reader.password,
        },
      ),
    ).account;
    assert.equal(reader.namespace, `ro-${suffix}`);
    assert.equal(reader.capabilities?.['pull'], true);
    assert.equal(reader.capabilities?.['catalog'], false);
    assert.equal(reader.capabilities?.['chunkedUpload'], false, 'reader may not push');
    const login = await sifport(['login', host, '-u', 'tester', '--password-stdin'], {
      configDir: dir,
      stdin: bed!.users.tester.password,
    });
    assert.equal(login.code, 0, login.stderr);
    const accounts = json<{ accounts: ListedAccount[] }>(
      await sifport(['accounts', 'list', '--json'], { configDir: dir }),
    ).accounts;
    assert.deepEqual(accounts.map((a) => a.username).sort(), ['reader', 'tester']);

    const denied = await sifport(['push', UNSIGNED_SIF, `oras://${host}/ro-${suffix}/app:1`], {
      configDir: dir,
    });
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /refused|denied/i);
    const allowed = await sifport(['push', UNSIGNED_SIF, `oras://${host}/rw-${suffix}/app:1`], {
      configDir: dir,
    });
    assert.equal(allowed.code, 0, allowed.stderr);

    const ambiguous = await sifport(['accounts', 'rm', `${host}/nothing`], { configDir: dir });
    assert.match(ambiguous.stderr, /no account/);
    const logout = await sifport(['logout', host], { configDir: dir });
    assert.match(logout.stdout, /Removed the login/);
    const left = json<{ accounts: ListedAccount[] }>(
      await sifport(['accounts', 'list', '--json'], { configDir: dir }),
    ).accounts;
    assert.deepEqual(
      left.map((a) => a.id),
      [reader.id],
      'logout keeps namespace accounts',
    );
  });
});

describe(
  'docker config import, export and fallback',
  { skip: bed ? false : testBedSkipReason },
  () => {
    test('logins in ~/.docker/config.json are used, imported with provenance, and exported', async () => {
      const dir = configDir();
      const home = join(root.path, `home-${++n}`);
      const host = bed!.basic.host;
      const auth = Buffer.from(`tester:${bed!.users.tester.password}`).toString('base64');
      await mkdir(join(home, '.docker'), { recursive: true });
      const dockerConfig = join(home, '.docker', 'config.json');
      await writeFile(dockerConfig, JSON.stringify({ auths: { [host]: { auth } } }));
      // No account of its own: the CLI falls back to docker's login.
      const tags = await sifport(['tags', `oras://${host}/fallback/none`], {
        configDir: dir,
        home,
      });
      assert.match(tags.stderr, /does not exist or has no tags/);

      const imported = json<{
        imported: Array<ListedAccount & { source: string; origin: string }>;
      }>(await sifport(['accounts', 'import', '--json'], { configDir: dir, home })).imported;
      assert.equal(imported.length, 1);
      assert.equal(imported[0]?.source, 'docker-config');
      assert.equal(imported[0]?.origin, dockerConfig);
      assert.equal(imported[0]?.username, 'tester');
      // Importing again replaces instead of duplicating.
      await sifport(['accounts', 'import'], { configDir: dir, home });
      const listed = await sifport(['accounts', 'list'], { configDir: dir, home });
      assert.equal(listed.stdout.split('\n').filter((l) => l.includes('docker-config')).length, 1);
      const { accounts } = json<{ accounts: ListedAccount[] }>(
        await sifport(['accounts', 'list', '--json'], { configDir: dir, home }),
      );
      const id = accounts[0]!.id;

      const out = join(root.path, `exported-${n}`, 'docker-config.json');
      const noFile = await sifport(['accounts', 'export', id], {
        configDir: dir,
        home,
      });
      assert.match(noFile.stderr, /--file FILE/);
      const exported = await sifport(['accounts', 'export', id, '--file', out], {
        configDir: dir,
        home,
      });
      assert.equal(exported.code, 0, exported.stderr);
      if (process.platform !== 'win32') assert.equal((await stat(out)).mode & 0o777, 0o600);
      assert.deepEqual(JSON.parse(await readFile(out, 'utf8')), { auths: { [host]: { auth } } });
    });
  },
);

test('no password or token the runs used appears in anything they printed', () => {
  if (bed) {
    secrets.add(bed.users.tester.password);
    secrets.add(bed.users.reader.password);
  }
  for (let i = 1; i <= 5; i++) secrets.add(fakeToken('aws', i));
  assert.ok(printed.length > 10);
  const all = printed.join('\n');
  for (const secret of secrets) {
    assert.ok(secret.length >= 4);
    assert.equal(
      all.includes(secret),
      false,
      `a secret of ${secret.length} characters was printed`,
    );
    assert.equal(all.includes(Buffer.from(secret).toString('base64')), false);
  }
});

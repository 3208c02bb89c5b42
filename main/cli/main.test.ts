import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadTestBed, testBedSkipReason } from '../../e2e/kit/index.js';
import {
  assertFailure,
  configDir,
  fixture,
  printed,
  root,
  sifport,
} from '../../e2e/kit/cli-harness.js';

const UNSIGNED = fixture('unsigned.sif');
const bed = loadTestBed();

describe('without a registry', () => {
  test('--help, COMMAND --help and --version print to stdout and exit 0', async () => {
    const help = await sifport(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /sifport push FILE\.sif oras:\/\/REGISTRY\/REPO:TAG/);
    assert.match(help.stdout, /--config-dir DIR/);
    const push = await sifport(['push', '--help']);
    assert.equal(push.code, 0);
    assert.match(push.stdout, /^Usage: sifport push /);
    assert.equal((await sifport(['help', 'rm'])).stdout.startsWith('Usage: sifport rm'), true);
    const version = await sifport(['--version']);
    assert.match(version.stdout, /^sifport \d+\.\d+\.\d+/);
    assert.match((await sifport(['--version', '--json'])).stdout, /^\{"version":"\d+\.\d+\.\d+/);
    assert.equal(version.stderr, '');
  });

  test('usage errors exit 2 with one stderr line that shows the usage', async () => {
    assertFailure(await sifport([]), 2, /missing command.*Usage: sifport COMMAND/);
    assertFailure(await sifport(['frob']), 2, /unknown command "frob"/);
    assertFailure(await sifport(['tags']), 2, /tags: missing argument.*Usage: sifport tags/);
    assertFailure(await sifport(['tags', 'a', 'b']), 2, /unexpected argument "b"/);
    assertFailure(
      await sifport(['push', 'a.sif', 'oras://h:1/r:t', '--nope']),
      2,
      /unknown option --nope.*Usage: sifport push FILE\.sif/,
    );
    assertFailure(await sifport(['pull', 'oras://h:1/r', '--arch']), 2, /--arch needs a value/);
    for (const bad of ['0', '17', 'four', '2.5']) {
      assertFailure(
        await sifport(['pull', 'oras://127.0.0.1:1/r:1', '--connections', bad]),
        2,
        /--connections takes a whole number from 1 to 16/,
      );
    }
    assertFailure(await sifport(['tags', 'oras://h:1/Bad']), 1, /lower case/);
  });

  test('--json reports errors as one object on stdout, and still fails', async () => {
    const run = await sifport(['tags', '--json']);
    assert.equal(run.code, 2);
    const body = JSON.parse(run.stdout) as { error: Record<string, unknown> };
    assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message', 'retryable']);
    assert.equal(body.error['code'], 'USAGE');
    assert.equal(body.error['retryable'], false);
    assert.equal(run.stderr.split('\n').filter(Boolean).length, 1);
  });

  test('login refuses a password on the command line and never prints it', async () => {
    const run = await sifport(['login', '127.0.0.1:1', '-u', 'me', '-p', 'hunter2-secret']);
    assertFailure(run, 2, /--password-stdin/);
    assert.doesNotMatch(run.stderr + run.stdout, /hunter2-secret/);
    assertFailure(await sifport(['login', '127.0.0.1:1', '-u', 'me']), 2, /--password-stdin/);
    assertFailure(await sifport(['login', '127.0.0.1:1', '--password-stdin']), 2, /-u USER/);
  });

  test('Ctrl-C while login waits for stdin exits 130', async () => {
    const controller = new AbortController();
    const silent: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }),
    };
    setTimeout(() => controller.abort(), 20);
    const run = await sifport(['login', '127.0.0.1:1', '-u', 'me', '--password-stdin'], {
      stdin: silent,
      signal: controller.signal,
    });
    assertFailure(run, 130, /Cancelled/);
  });

  test('pushing a file that is not a SIF is refused before any upload', async () => {
    const run = await sifport(['push', fixture('test.def'), 'oras://127.0.0.1:1/x/y:1']);
    assertFailure(run, 1, /is not a SIF image/);
    const json = await sifport(['push', fixture('test.def'), 'oras://127.0.0.1:1/x:1', '--json']);
    assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, 'NOT_A_SIF');
  });

  test('logout without a saved login says so and succeeds', async () => {
    const run = await sifport(['logout', 'ghcr.io']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /no saved login for ghcr\.io/);
    assert.deepEqual(JSON.parse((await sifport(['logout', 'ghcr.io', '--json'])).stdout), {
      registry: 'ghcr.io',
      removed: false,
    });
  });
});

describe('against the registry test bed', { skip: bed ? false : testBedSkipReason }, () => {
  const suffix = randomBytes(4).toString('hex');

  test('login on basic and bearer: a wrong password saves nothing, a right one is saved 0600', async () => {
    for (const endpoint of [bed!.basic, bed!.bearer]) {
      const dir = configDir();
      const bad = await sifport(['login', endpoint.host, '-u', 'tester', '--password-stdin'], {
        stdin: 'wrong-password\n',
        configDir: dir,
      });
      assertFailure(bad, 1, /rejected the credentials/);
      assert.doesNotMatch(bad.stderr, /wrong-password/);
      await assert.rejects(stat(join(dir, 'logins.json')), { code: 'ENOENT' });

      const good = await sifport(
        ['login', endpoint.host, '-u', 'tester', '--password-stdin', '--json'],
        { stdin: `${bed!.users.tester.password}\n`, configDir: dir },
      );
      assert.equal(good.code, 0, good.stderr);
      const result = JSON.parse(good.stdout) as Record<string, unknown>;
      assert.equal(result['registry'], endpoint.host);
      assert.equal(result['username'], 'tester');
      assert.equal(result['saved'], true);
      assert.doesNotMatch(good.stdout, new RegExp(bed!.users.tester.password));
      const file = join(dir, 'logins.json');
      if (process.platform !== 'win32') assert.equal((await stat(file)).mode & 0o777, 0o600);
      const saved = JSON.parse(await readFile(file, 'utf8')) as {
        logins: Record<string, { username: string; password: string }>;
      };
      assert.deepEqual(saved.logins[endpoint.host], {
        username: 'tester',
        password: bed!.users.tester.password,
      });
      // The saved login is used by later commands.
      const tags = await sifport(['tags', `oras://${endpoint.host}/cli/none-${suffix}`], {
        configDir: dir,
      });
      assertFailure(tags, 1, /does not exist or has no tags/);
      const logout = await sifport(['logout', endpoint.host], { configDir: dir });
      assert.match(logout.stdout, /Removed the login/);
    }
  });

  test('push, tags, pull, rm on the open registry, human and --json', async () => {
    const dir = configDir();
    const repo = `oras://${bed!.open.host}/cli/flow-${suffix}`;
    const push = await sifport(['push', UNSIGNED, `${repo}:v1`], { configDir: dir });
    assert.equal(push.code, 0, push.stderr);
    assert.equal(push.stderr, '');
    const digest = push.lines.at(-1)!;
    assert.match(digest, /^sha256:[a-f0-9]{64}$/);

    const again = await sifport(['push', UNSIGNED, `${repo}:v2`, '--json'], { configDir: dir });
    const pushed = JSON.parse(again.stdout) as Record<string, unknown>;
    assert.equal(pushed['manifestDigest'], digest);
    assert.equal(pushed['blob'], 'present');
    assert.equal(pushed['reference'], `${repo}:v2`);
    assert.equal(again.lines.length, 1);

    assert.deepEqual((await sifport(['tags', repo], { configDir: dir })).lines, ['v1', 'v2']);
    assert.deepEqual(JSON.parse((await sifport(['tags', repo, '--json'])).stdout), {
      registry: bed!.open.host,
      repository: `cli/flow-${suffix}`,
      tags: ['v1', 'v2'],
    });

    const out = join(root, `pulled-${suffix}.sif`);
    const pull = await sifport(['pull', `${repo}:v1`, out], { configDir: dir });
    assert.equal(pull.code, 0, pull.stderr);
    assert.deepEqual(await readFile(out), await readFile(UNSIGNED));
    assertFailure(await sifport(['pull', `${repo}:v1`, out]), 1, /already exists.*--force/);
    const forced = await sifport(['pull', `${repo}@${digest}`, out, '--force', '--json']);
    const pulled = JSON.parse(forced.stdout) as Record<string, unknown>;
    assert.equal(pulled['path'], out);
    assert.equal(pulled['manifestDigest'], digest);

    const byTag = await sifport(['rm', `${repo}:v1`]);
    assertFailure(byTag, 2, new RegExp(`is ${digest}; run \`sifport rm ${repo}@${digest}\``));
    const removed = await sifport(['rm', `${repo}@${digest}`, '--json']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual(JSON.parse(removed.stdout), {
      reference: `${repo}@${digest}`,
      digest,
      removedTags: ['v1', 'v2'],
    });
    assert.deepEqual((await sifport(['tags', repo])).lines, []);
    assertFailure(await sifport(['rm', `${repo}@${digest}`]), 1, /does not exist/);
  });

  test('rm prints each tag removed and the digest', async () => {
    const repo = `oras://${bed!.open.host}/cli/rm-${suffix}`;
    const digest = (await sifport(['push', UNSIGNED, `${repo}:a`])).lines.at(-1)!;
    await sifport(['push', UNSIGNED, `${repo}:b`]);
    const run = await sifport(['rm', `${repo}@${digest}`]);
    assert.deepEqual(run.lines, [
      `Untagged: ${repo}:a`,
      `Untagged: ${repo}:b`,
      `Deleted: ${digest}`,
    ]);
  });

  test('repos lists a pushed repository', async () => {
    const name = `cli/repos-${suffix}`;
    assert.equal((await sifport(['push', UNSIGNED, `oras://${bed!.open.host}/${name}:1`])).code, 0);
    const run = await sifport(['repos', bed!.open.host]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.lines.includes(name), run.stdout);
    const json = JSON.parse((await sifport(['repos', bed!.open.host, '--json'])).stdout) as {
      registry: string;
      repositories: string[];
    };
    assert.equal(json.registry, bed!.open.host);
    assert.ok(json.repositories.includes(name));
  });

  test('the TLS settings given at login are used by later commands', async () => {
    const dir = configDir();
    const host = bed!.tls.host;
    const login = await sifport(
      ['login', host, '-u', 'tester', '--password-stdin', '--ca-file', bed!.caFile],
      { stdin: bed!.users.tester.password, configDir: dir },
    );
    assert.equal(login.code, 0, login.stderr);
    const push = await sifport(['push', UNSIGNED, `oras://${host}/cli/tls-${suffix}:1`], {
      configDir: dir,
    });
    assert.equal(push.code, 0, push.stderr);
    assertFailure(await sifport(['tags', `oras://${host}/cli/tls-${suffix}`]), 1, /TLS|--ca-file/);
  });

  test('an aborted transfer exits 130', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = await sifport(
      ['push', UNSIGNED, `oras://${bed!.open.host}/cli/abort-${suffix}:1`],
      {
        signal: controller.signal,
      },
    );
    assertFailure(run, 130, /[Cc]ancelled/);
  });
});

test('no password the runs used appears in anything they printed', () => {
  const secrets = ['hunter2-secret', 'wrong-password'];
  if (bed) secrets.push(bed.users.tester.password, bed.users.reader.password);
  const all = printed.join('\n');
  assert.ok(printed.length > 10);
  for (const secret of secrets) {
    assert.equal(all.includes(secret), false, `a ${secret.length}-character secret was printed`);
  }
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { loadTestBed, testBedSkipReason } from '../../../e2e/support/testbed-env.js';
import { runCli } from '../main.js';

/** The handbook's SIF fixtures beside the repository: `<repo>/../shared/fixtures/sif`. */
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/sif/', import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);
const PUBLIC = fixture('test-public.asc');
/** The fingerprint of other-public.asc, which signed signed-by-other.sif. */
const OTHER = '90FB3F1CC385DE90C488FA8F9C0237B8B2430E6F';
let root: string;
let n = 0;
let passphrase: string;
let fingerprint: string;
const bed = loadTestBed();

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'sifport-sif-cli-'));
  passphrase = (await readFile(fixture('test-passphrase.txt'), 'utf8')).replace(/\r?\n$/, '');
  fingerprint = (await readFile(fixture('test-fingerprint.txt'), 'utf8')).trim();
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function sifport(argv: string[], stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: (async function* () {
      if (stdin !== undefined) yield Buffer.from(stdin);
    })(),
    env: { SIFPORT_CONFIG_DIR: join(root, `config-${++n}`), HOME: root },
    isTTY: false,
    cwd: root,
  });
  return { code, stdout, stderr };
}

/** Asserts a failure: the exit status and exactly one `sifport: …` line on stderr. */
function assertFailure(run: Run, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, `exit status (stderr: ${run.stderr})`);
  const lines = run.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one stderr line, got: ${run.stderr}`);
  assert.match(lines[0]!, /^sifport: /);
  assert.match(lines[0]!, pattern);
}

/** A private copy of a fixture, to change. */
async function copyOf(name: string): Promise<string> {
  const path = join(root, `${++n}-${name}`);
  await copyFile(fixture(name), path);
  return path;
}

describe('inspect', () => {
  test('--objects lists the three objects of signed.sif as siftool does', async () => {
    const run = await sifport(['inspect', fixture('signed.sif'), '--objects']);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.split('\n').filter((l) => /^\d+\s+\|/.test(l));
    assert.equal(rows.length, 3);
    assert.match(rows[0]!, /Def\.FILE/);
    assert.match(rows[1]!, /FS \(Squashfs\/\*System\/amd64\)/);
    assert.match(rows[2]!, /Signature \(SHA-256\)/);
    const json = await sifport(['inspect', fixture('signed.sif'), '--objects', '--json']);
    const body = JSON.parse(json.stdout) as { objects: { id: number; raw?: unknown }[] };
    assert.deepEqual(
      body.objects.map((o) => o.id),
      [1, 2, 3],
    );
    assert.equal(body.objects[0]!.raw, undefined);
  });

  test('--deffile prints the definition file', async () => {
    const run = await sifport(['inspect', fixture('signed.sif'), '--deffile']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, await readFile(fixture('test.def'), 'utf8'));
  });

  test('the summary and --json name the claimed signer; bad input fails in one line', async () => {
    const run = await sifport(['inspect', fixture('signed.sif')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Signature: .*${fingerprint}`));
    const json = JSON.parse((await sifport(['inspect', fixture('signed.sif'), '--json'])).stdout);
    assert.equal((json as { signatures: unknown[] }).signatures.length, 1);
    assertFailure(await sifport(['inspect', fixture('test.def')]), 1, /SIF/);
    assertFailure(await sifport(['inspect', join(root, 'missing.sif')]), 1, /missing\.sif/);
    assertFailure(
      await sifport(['inspect', fixture('signed.sif'), '--labels', '--env']),
      2,
      /choose one/,
    );
  });
});

describe('verify', () => {
  test('signed.sif verifies with test-public.asc and lists its signature', async () => {
    const run = await sifport(['verify', fixture('signed.sif'), '--key', PUBLIC]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /Signature object 3 .*: verified/);
    assert.match(run.stdout, new RegExp(`signer: +${fingerprint}`));
    assert.match(run.stdout, /covers: +objects 1 and 2/);
    const json = await sifport(['verify', fixture('signed.sif'), '--key', PUBLIC, '--json']);
    assert.equal(json.code, 0);
    const body = JSON.parse(json.stdout) as { ok: boolean; report: { signatures: unknown[] } };
    assert.equal(body.ok, true);
    assert.equal(body.report.signatures.length, 1);
  });

  test('a tampered image fails with exit 1', async () => {
    const run = await sifport(['verify', fixture('signed-tampered.sif'), '--key', PUBLIC]);
    assertFailure(run, 1, /does not verify: .*object 2/);
    assert.match(run.stdout, /data-tampered/);
  });

  test('an image signed by another key fails with exit 1', async () => {
    const run = await sifport(['verify', fixture('signed-by-other.sif'), '--key', PUBLIC]);
    assertFailure(run, 1, /does not verify/);
    const json = await sifport([
      'verify',
      fixture('signed-by-other.sif'),
      '--key',
      PUBLIC,
      '--json',
    ]);
    assert.equal(json.code, 1);
    const body = JSON.parse(json.stdout) as {
      error: { code: string; detail: { report: { signatures: { verdict: string }[] } } };
    };
    assert.equal(body.error.code, 'SIGNATURE_INVALID');
    // The per-signature report still reaches scripts when verification fails.
    assert.deepEqual(
      body.error.detail.report.signatures.map((sig) => sig.verdict),
      ['unknown-signer'],
    );
    const both = await sifport([
      'verify',
      fixture('signed-by-other.sif'),
      '--key',
      PUBLIC,
      fixture('other-public.asc'),
    ]);
    assert.equal(both.code, 0, both.stderr);
  });

  test('unsigned and legacy images fail; legacy passes with --legacy-insecure', async () => {
    assertFailure(
      await sifport(['verify', fixture('unsigned.sif'), '--key', PUBLIC]),
      1,
      /no signature/,
    );
    assertFailure(
      await sifport(['verify', fixture('signed-legacy.sif'), '--key', PUBLIC]),
      1,
      /legacy/,
    );
    const legacy = await sifport([
      'verify',
      fixture('signed-legacy.sif'),
      '--key',
      PUBLIC,
      '--legacy-insecure',
    ]);
    assert.equal(legacy.code, 0, legacy.stderr);
  });

  test('usage and key errors are one line', async () => {
    assertFailure(await sifport(['verify', fixture('signed.sif')]), 2, /--key FILE/);
    assertFailure(
      await sifport(['verify', fixture('signed.sif'), '--key', join(root, 'nope.asc')]),
      1,
      /nope\.asc/,
    );
    assertFailure(
      await sifport(['verify', fixture('signed.sif'), '--key', fixture('test.def')]),
      1,
      /key/i,
    );
  });
});

describe('sign', () => {
  test('signs a copy of unsigned.sif with a protected key; the result verifies', async () => {
    const path = await copyOf('unsigned.sif');
    const run = await sifport(
      ['sign', path, '--key', fixture('test-private-protected.asc'), '--passphrase-stdin'],
      `${passphrase}\n`,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Signature object 3: group 1 .*${fingerprint}`));
    assert.doesNotMatch(run.stdout + run.stderr, new RegExp(passphrase));
    const verify = await sifport(['verify', path, '--key', PUBLIC]);
    assert.equal(verify.code, 0, verify.stderr);
  });

  test('a wrong or missing passphrase fails with exit 1 and is never printed', async () => {
    const path = await copyOf('unsigned.sif');
    const wrong = 'not-the-passphrase-42';
    const run = await sifport(
      ['sign', path, '--key', fixture('test-private-protected.asc'), '--passphrase-stdin'],
      wrong,
    );
    assertFailure(run, 1, /passphrase/);
    assert.doesNotMatch(run.stdout + run.stderr, /not-the-passphrase-42/);
    const json = await sifport(
      [
        'sign',
        path,
        '--key',
        fixture('test-private-protected.asc'),
        '--passphrase-stdin',
        '--json',
      ],
      wrong,
    );
    assert.equal(json.code, 1);
    assert.doesNotMatch(json.stdout + json.stderr, /not-the-passphrase-42/);
    assertFailure(
      await sifport(['sign', path, '--key', fixture('test-private-protected.asc')]),
      1,
      /--passphrase-stdin/,
    );
    // Nothing was written: the copy is still unsigned.
    assert.deepEqual(await readFile(path), await readFile(fixture('unsigned.sif')));
  });

  test('an unprotected key signs one group; bad options are usage errors', async () => {
    const path = await copyOf('unsigned.sif');
    const run = await sifport(['sign', path, '--key', fixture('test-private.asc'), '--group', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await sifport(['verify', path, '--key', PUBLIC])).code, 0);
    assertFailure(await sifport(['sign', path]), 2, /--key FILE/);
    assertFailure(
      await sifport(['sign', path, '--key', fixture('test-private.asc'), '--group', 'x']),
      2,
      /positive whole number/,
    );
    assertFailure(
      await sifport(['sign', path, '--key', fixture('test-private.asc'), '--group', '9']),
      1,
      /group 9/,
    );
  });
});

describe('keys', () => {
  test('import, list, export and rm round trip in a keyring directory', async () => {
    const keyring = join(root, 'keyring-roundtrip');
    const imported = await sifport(['keys', 'import', PUBLIC, '--keyring', keyring]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`Imported pub +${fingerprint}`));
    const list = await sifport(['keys', 'list', '--keyring', keyring, '--json']);
    const body = JSON.parse(list.stdout) as {
      keys: { fingerprint: string; hasPrivate: boolean }[];
    };
    assert.deepEqual(
      body.keys.map((k) => [k.fingerprint, k.hasPrivate]),
      [[fingerprint, false]],
    );
    const exported = await sifport([
      'keys',
      'export',
      fingerprint.slice(-16),
      '--keyring',
      keyring,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    // The exported key verifies what the original does.
    const copy = join(root, 'exported.asc');
    await writeFile(copy, exported.stdout);
    assert.equal((await sifport(['verify', fixture('signed.sif'), '--key', copy])).code, 0);
    // Verify against the keyring, requiring the signer.
    const byKeyring = await sifport([
      'verify',
      fixture('signed.sif'),
      '--fingerprint',
      fingerprint,
      '--keyring',
      keyring,
    ]);
    assert.equal(byKeyring.code, 0, byKeyring.stderr);
    const byKeyId = ['verify', fixture('signed.sif'), '--fingerprint', fingerprint.slice(-16)];
    assert.equal((await sifport([...byKeyId, '--keyring', keyring])).code, 0);
    assertFailure(
      await sifport([
        'verify',
        fixture('signed.sif'),
        '--fingerprint',
        OTHER,
        '--keyring',
        keyring,
      ]),
      1,
      /public key for 90FB.* is not in the keyring/,
    );
    const other = await sifport([
      'keys',
      'import',
      fixture('other-public.asc'),
      '--keyring',
      keyring,
    ]);
    assert.equal(other.code, 0, other.stderr);
    assertFailure(
      await sifport([
        'verify',
        fixture('signed.sif'),
        '--fingerprint',
        OTHER,
        '--keyring',
        keyring,
      ]),
      1,
      /group 1 is not signed by 90FB/,
    );
    assert.equal((await sifport(['keys', 'rm', OTHER, '--keyring', keyring])).code, 0);
    const removed = await sifport(['keys', 'rm', fingerprint, '--keyring', keyring]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.match((await sifport(['keys', 'list', '--keyring', keyring])).stdout, /No keys/);
    assertFailure(await sifport(['keys', 'rm', fingerprint, '--keyring', keyring]), 1, /No key/);
  });

  test('private keys are stored protected; new makes a key that signs', async () => {
    const keyring = join(root, 'keyring-private');
    assertFailure(
      await sifport(['keys', 'import', fixture('test-private.asc'), '--keyring', keyring]),
      1,
      /not protected.*--passphrase-stdin/,
    );
    const imported = await sifport(
      [
        'keys',
        'import',
        fixture('test-private-protected.asc'),
        '--keyring',
        keyring,
        '--passphrase-stdin',
      ],
      passphrase,
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /pub\+sec/);
    const made = await sifport(
      [
        'keys',
        'new',
        '--name',
        'CLI Test',
        '--email',
        'cli@example.invalid',
        '--keyring',
        keyring,
        '--passphrase-stdin',
        '--json',
      ],
      'new-key-passphrase',
    );
    assert.equal(made.code, 0, made.stderr);
    const key = (JSON.parse(made.stdout) as { key: { fingerprint: string } }).key;
    assert.doesNotMatch(made.stdout, /new-key-passphrase/);
    const path = await copyOf('unsigned.sif');
    const signed = await sifport(
      ['sign', path, '--fingerprint', key.fingerprint, '--keyring', keyring, '--passphrase-stdin'],
      'new-key-passphrase',
    );
    assert.equal(signed.code, 0, signed.stderr);
    const verified = await sifport([
      'verify',
      path,
      '--fingerprint',
      key.fingerprint,
      '--keyring',
      keyring,
    ]);
    assert.equal(verified.code, 0, verified.stderr);
    assertFailure(await sifport(['keys', 'frob', '--keyring', keyring]), 2, /unknown subcommand/);
    assertFailure(await sifport(['keys', 'new', '--keyring', keyring]), 2, /--name/);
  });
});

describe(
  'pull --verify-key / --fingerprint against the registry test bed',
  {
    skip: bed ? false : testBedSkipReason,
  },
  () => {
    const suffix = randomBytes(4).toString('hex');
    const repo = (): string => `oras://${bed!.open.host}/cli/verify-${suffix}`;
    const push = async (name: string, tag: string): Promise<void> => {
      const run = await sifport(['push', fixture(name), `${repo()}:${tag}`]);
      assert.equal(run.code, 0, run.stderr);
    };

    test('a signed image verifies and lands; one that does not verify never lands', async () => {
      await push('signed.sif', 'good');
      await push('signed-by-other.sif', 'other');
      await push('signed-tampered.sif', 'tampered');
      const good = join(root, `good-${suffix}.sif`);
      const run = await sifport(['pull', `${repo()}:good`, good, '--verify-key', PUBLIC]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Verified: 1 signature\(s\) verified/);
      assert.match(run.stdout.trim().split('\n').at(-1)!, /^sha256:[a-f0-9]{64}$/);
      assert.deepEqual(await readFile(good), await readFile(fixture('signed.sif')));

      for (const tag of ['other', 'tampered']) {
        const out = join(root, `${tag}-${suffix}.sif`);
        const bad = await sifport(['pull', `${repo()}:${tag}`, out, '--verify-key', PUBLIC]);
        assertFailure(bad, 1, /does not verify.*nothing was written/);
        await assert.rejects(stat(out), { code: 'ENOENT' });
      }
      const json = await sifport([
        'pull',
        `${repo()}:other`,
        join(root, `other-json-${suffix}.sif`),
        '--verify-key',
        PUBLIC,
        '--json',
      ]);
      assert.equal(
        (JSON.parse(json.stdout) as { error: { code: string } }).error.code,
        'SIGNATURE_INVALID',
      );
    });

    test('--fingerprint checks the signer with keys from the keyring', async () => {
      await push('signed.sif', 'fp');
      const keyring = join(root, `keyring-pull-${suffix}`);
      assert.equal((await sifport(['keys', 'import', PUBLIC, '--keyring', keyring])).code, 0);
      const out = join(root, `fp-${suffix}.sif`);
      const missing = await sifport([
        'pull',
        `${repo()}:fp`,
        out,
        '--fingerprint',
        OTHER,
        '--keyring',
        keyring,
      ]);
      assertFailure(missing, 1, /public key for 90FB.* is not in the keyring/);
      await assert.rejects(stat(out), { code: 'ENOENT' });
      const run = await sifport([
        'pull',
        `${repo()}:fp`,
        out,
        '--fingerprint',
        fingerprint,
        '--keyring',
        keyring,
        '--json',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const body = JSON.parse(run.stdout) as { path: string; verified: string };
      assert.equal(body.path, out);
      assert.match(body.verified, new RegExp(`signed by ${fingerprint}`));
      assertFailure(
        await sifport(['pull', `${repo()}:fp`, out, '--keyring', keyring]),
        2,
        /--keyring goes with --fingerprint/,
      );
    });
  },
);

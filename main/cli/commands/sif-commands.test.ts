import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  assertFailure,
  copyOf,
  fingerprint,
  fixture,
  passphrase,
  PUBLIC,
  root,
  sifport,
} from '../../../e2e/kit/cli-harness.js';

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

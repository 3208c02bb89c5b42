import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { runCli } from '../../main/cli/main.js';

/**
 * In-process harness for the CLI's SIF command tests: runs `sifport` with captured output in
 * a temporary home, and knows the handbook's fixtures. Importing it registers the file-level
 * set-up and clean-up hooks.
 */
/** The handbook's SIF fixtures beside the repository: `<repo>/../shared/fixtures/sif`. */
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/sif/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);
export const PUBLIC = fixture('test-public.asc');
/** The fingerprint of other-public.asc, which signed signed-by-other.sif. */
export const OTHER = '90FB3F1CC385DE90C488FA8F9C0237B8B2430E6F';
export let root: string;
let n = 0;
export let passphrase: string;
export let fingerprint: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'sifport-sif-cli-'));
  passphrase = (await readFile(fixture('test-passphrase.txt'), 'utf8')).replace(/\r?\n$/, '');
  fingerprint = (await readFile(fixture('test-fingerprint.txt'), 'utf8')).trim();
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function sifport(argv: string[], stdin?: string): Promise<Run> {
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
export function assertFailure(run: Run, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, `exit status (stderr: ${run.stderr})`);
  const lines = run.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, `one stderr line, got: ${run.stderr}`);
  assert.match(lines[0]!, /^sifport: /);
  assert.match(lines[0]!, pattern);
}

/** A private copy of a fixture, to change. */
export async function copyOf(name: string): Promise<string> {
  const path = join(root, `${++n}-${name}`);
  await copyFile(fixture(name), path);
  return path;
}

import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { runCli } from '../../main/cli/main.js';
import { fixturePath } from './fixtures.js';

/**
 * In-process harness for the CLI's tests: runs `sifport` with captured output in a temporary
 * home, and knows the handbook's fixtures. Importing it registers the file-level
 * set-up and clean-up hooks, which is why `index.ts` does not re-export it: a CLI test imports
 * `e2e/kit/cli-harness.js` itself.
 */
/** The path of one fixture (the CLI takes paths; `fixture` in `fixtures.ts` gives bytes). */
export const fixture = fixturePath;
/** The test key's public half. */
export const PUBLIC = fixture('test-public.asc');
/** The fingerprint of other-public.asc, which signed signed-by-other.sif. */
export const OTHER = '90FB3F1CC385DE90C488FA8F9C0237B8B2430E6F';
/** This file's temporary home and working directory (set by the `before` hook). */
export let root: string;
let n = 0;
/** The test key's passphrase (set by the `before` hook). */
export let passphrase: string;
/** The test key's fingerprint (set by the `before` hook). */
export let fingerprint: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'sifport-sif-cli-'));
  passphrase = (await readFile(fixture('test-passphrase.txt'), 'utf8')).replace(/\r?\n$/, '');
  fingerprint = (await readFile(fixture('test-fingerprint.txt'), 'utf8')).trim();
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What one `sifport` run did. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout lines without the empty ones. */
  readonly lines: string[];
}

/** How to run `sifport`: its stdin, its configuration directory and a cancel signal. */
export interface RunOptions {
  readonly stdin?: string | AsyncIterable<Uint8Array>;
  /** Default: a fresh {@link configDir}. */
  readonly configDir?: string;
  readonly signal?: AbortSignal;
}

/** Everything the runs of this test file printed (stdout and stderr), for a secret scan. */
export const printed: string[] = [];

/** A fresh configuration directory below {@link root}. */
export function configDir(): string {
  return join(root, `config-${++n}`);
}

/**
 * Runs `sifport argv` in process with captured output, `root` as home and working directory.
 * `options` may be just the text to send on stdin.
 */
export async function sifport(argv: string[], options: string | RunOptions = {}): Promise<Run> {
  const { stdin, ...rest } = typeof options === 'string' ? { stdin: options } : options;
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin:
      typeof stdin === 'object'
        ? stdin
        : (async function* () {
            if (stdin !== undefined) yield Buffer.from(stdin);
          })(),
    env: { SIFPORT_CONFIG_DIR: rest.configDir ?? configDir(), HOME: root },
    isTTY: false,
    signal: rest.signal,
    cwd: root,
  });
  printed.push(stdout, stderr);
  return { code, stdout, stderr, lines: stdout.split('\n').filter((l) => l !== '') };
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

/**
 * The one test command (`npm test`, what .ci/run calls): type-check, lint, start the
 * loopback registry test bed, run every `*.test.ts` with node's test runner, stop the bed,
 * and end with a plain "tests: N passed, N failed, N skipped" line.
 *
 *   npm test                      everything
 *   npm test -- main/engine/sif   only test files under these paths
 *   SKIP_CHECKS=1 npm test        skip type-check and lint
 *   npm run e2e                   the window's end-to-end suite only (e2e/web), no checks
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { TEST_PROXY_LOGIN } from '../e2e/support/http-proxy.js';
import { TEST_SOCKS_LOGIN } from '../e2e/support/socks-proxy.js';
import { startCommand, stopCommand, testBedFileName } from '../e2e/support/testbed-cli.js';

const root = new URL('..', import.meta.url).pathname;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-web', 'release', '.git']);

async function findTests(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await findTests(path, out);
    else if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) out.push(path);
  }
  return out;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  capture?: Buffer[],
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (capture) {
      child.stdout?.on('data', (chunk: Buffer) => {
        capture.push(chunk);
        process.stdout.write(chunk);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        capture.push(chunk);
        process.stderr.write(chunk);
      });
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Every file below `dir`, read as text (registry and token-server logs). */
async function readTree(dir: string): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(path)));
    else out.push({ name: path, text: await readFile(path, 'utf8').catch(() => '') });
  }
  return out;
}

/**
 * The suite-wide secret check (issue #4): the passwords and passphrases the tests use must
 * appear in nothing the suite printed and in no log the test bed wrote. Says where, never what.
 */
async function findLeaks(
  secrets: readonly string[],
  printed: string,
  logsDir: string,
): Promise<string[]> {
  const places = [{ name: 'test output', text: printed }, ...(await readTree(logsDir))];
  return places
    .filter((p) => secrets.some((secret) => p.text.includes(secret)))
    .map((p) => relative(root, p.name) || p.name);
}

function step(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

async function main(): Promise<number> {
  const noChecks = process.argv.includes('--no-checks');
  const filters = process.argv.slice(2).filter((a) => a !== '--no-checks');
  if (!process.env.SKIP_CHECKS && !noChecks) {
    step('type-check');
    if ((await run('npx', ['tsc', '-p', 'tsconfig.json'])) !== 0) return 1;
    if ((await run('npx', ['tsc', '-p', 'tsconfig.web.json'])) !== 0) return 1;
    step('lint');
    if ((await run('npx', ['eslint', '.', '--max-warnings', '0'])) !== 0) return 1;
  }
  const all = (await findTests(root)).sort();
  const files = filters.length
    ? all.filter((f) => filters.some((p) => relative(root, f).startsWith(p.replace(/^\.\//, ''))))
    : all;
  if (files.length === 0) {
    process.stderr.write('no test files matched\n');
    return 1;
  }
  step('registry test bed');
  const bedDir = await mkdtemp(join(tmpdir(), 'sifport-testbed-'));
  let info;
  try {
    info = await startCommand(bedDir);
  } catch (err) {
    process.stderr.write(`could not start the registry test bed: ${(err as Error).message}\n`);
    await stopCommand(bedDir).catch(() => undefined);
    return 1;
  }
  process.stdout.write(
    `open ${info.open.url}, basic ${info.basic.url}, bearer ${info.bearer.url}, tls ${info.tls.url}\n`,
  );
  const tapFile = join(bedDir, 'results.tap');
  const printed: Buffer[] = [];
  let code: number;
  try {
    step(`tests (${files.length} files)`);
    code = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=2',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        ...files.map((f) => relative(root, f)),
      ],
      { ...process.env, SIFPORT_TESTBED: join(bedDir, testBedFileName) },
      printed,
    );
  } finally {
    await stopCommand(bedDir).catch((err: Error) => process.stderr.write(`${err.message}\n`));
  }
  const tap = await readFile(tapFile, 'utf8').catch(() => '');
  const passphrase = await readFile(
    new URL('../../shared/fixtures/sif/test-passphrase.txt', import.meta.url),
    'utf8',
  ).catch(() => '');
  const secrets = [
    info.users.tester.password,
    info.users.reader.password,
    passphrase.trim(),
    TEST_PROXY_LOGIN.password,
    TEST_SOCKS_LOGIN.password,
  ];
  const leaks = await findLeaks(
    secrets.filter((s) => s.length >= 6),
    Buffer.concat(printed).toString('utf8') + tap,
    join(bedDir, 'logs'),
  );
  if (leaks.length > 0) {
    process.stdout.write(
      `\nsecret check: a test password or passphrase appears in: ${leaks.join(', ')}\n`,
    );
  } else {
    process.stdout.write(
      '\nsecret check: no test password or passphrase in the output or the registry logs\n',
    );
  }
  const count = (name: string): number =>
    Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  process.stdout.write(
    `\ntests: ${count('pass')} passed, ${failed} failed, ${count('skipped')} skipped\n`,
  );
  if (code === 0 && failed === 0) await rm(bedDir, { recursive: true, force: true });
  else process.stdout.write(`registry logs kept in ${bedDir}/logs\n`);
  return code !== 0 || failed > 0 || count('pass') === 0 || leaks.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

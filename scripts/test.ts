/**
 * The one test command (`npm test`, what .ci/run calls): type-check, lint, start the
 * loopback registry test bed, run every `*.test.ts` with node's test runner, stop the bed,
 * and end with a plain "tests: N passed, N failed, N skipped" line.
 *
 *   npm test                      everything
 *   npm test -- main/engine/sif   only test files under these paths
 *   SKIP_CHECKS=1 npm test        skip type-check and lint
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function step(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  if (!process.env.SKIP_CHECKS) {
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
    );
  } finally {
    await stopCommand(bedDir).catch((err: Error) => process.stderr.write(`${err.message}\n`));
  }
  const tap = await readFile(tapFile, 'utf8').catch(() => '');
  const count = (name: string): number =>
    Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  process.stdout.write(`\ntests: ${count('pass')} passed, ${failed} failed, ${count('skipped')} skipped\n`);
  if (code === 0 && failed === 0) await rm(bedDir, { recursive: true, force: true });
  else process.stdout.write(`registry logs kept in ${bedDir}/logs\n`);
  return code !== 0 || failed > 0 || count('pass') === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

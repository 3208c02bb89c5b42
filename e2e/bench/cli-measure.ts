/**
 * The CLI part of the transfer bench: `bin/sifport.js` push, pull and unchanged re-push as real
 * processes (peak RSS under /usr/bin/time), and the table rows of what it measured.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { repoRoot, runProcess } from './bench-process.js';
import type { BenchRegistry } from './bench-registry.js';
import { describeRuns, formatNumber, type Measurement, type Row, type Target } from './report.js';

/** What the CLI part measured, or why it was skipped. */
export type CliResult =
  | { readonly skipped: string }
  | {
      /** Peak RSS of `sifport push` (a real upload) and `sifport pull`, in KiB. */
      readonly pushRssKiB: number;
      readonly pullRssKiB: number;
      readonly repushRuns: number[];
      /** dist/ is older than the engine sources: the CLI runs older code than (a)-(g). */
      readonly distStale: boolean;
    };

/** The newest modification time of `paths` in ms (0 for a path that does not exist). */
export async function newestMtime(paths: readonly string[]): Promise<number> {
  const times = await Promise.all(
    paths.map((p) =>
      stat(p).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return Math.max(...times);
}

/** Sources tsconfig.node.json leaves out of dist/ (tests and their helpers). */
const TEST_ONLY = /(\.test\.ts|(^|\/)fake-[^/]*\.ts)$/;

/** The bundled CLI that bin/sifport.js runs (built by `npm run build:node`). */
const CLI_BUNDLE = join(repoRoot, 'dist', 'cli', 'sifport.mjs');

/** True when an engine or CLI source is newer than the CLI bundle. */
async function isDistStale(): Promise<boolean> {
  const sources: string[] = [];
  for (const area of ['engine', 'cli']) {
    const files = await readdir(join(repoRoot, 'main', area), { recursive: true });
    for (const file of files.filter((f) => f.endsWith('.ts') && !TEST_ONLY.test(f)))
      sources.push(join(repoRoot, 'main', area, file));
  }
  return (await newestMtime(sources)) > (await newestMtime([CLI_BUNDLE]));
}

/** Runs the CLI under /usr/bin/time and returns its peak RSS in KiB. */
export async function cliPeakRss(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<number> {
  const r = await runProcess('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, ...args], {
    env,
    cwd,
  });
  const kib = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`/usr/bin/time printed no maxrss: ${r.stderr}`);
  return kib;
}

/**
 * The CLI (`bin/sifport.js`, which loads dist/) when it exists: a real push (peak RSS), a pull
 * (peak RSS), then `runs` timed unchanged re-pushes that use the CLI's own digest cache.
 */
export async function cliMeasure(
  registry: BenchRegistry,
  file: string,
  dir: string,
  runs: number,
): Promise<CliResult> {
  const cli = join(repoRoot, 'bin', 'sifport.js');
  if (!existsSync(cli)) return { skipped: 'bin/sifport.js does not exist (CLI not written yet)' };
  if (!existsSync(CLI_BUNDLE)) return { skipped: 'dist/ is not built (npm run build:node)' };
  if (!existsSync('/usr/bin/time')) return { skipped: '/usr/bin/time is missing' };
  const distStale = await isDistStale();
  const config = join(dir, 'cli-config');
  const home = join(dir, 'cli-home');
  // Never touch the user's own config: both the flag and the environment point into DIR.
  const env = { ...process.env, HOME: home, SIFPORT_CONFIG_DIR: config, XDG_CONFIG_HOME: home };
  const common = ['--config-dir', config, '--plain-http'];
  const ref = `oras://${registry.host}/bench/cli:v1`;
  const push = [cli, 'push', file, ref, ...common];
  const pulled = join(dir, 'cli-pulled.sif');
  const pushRssKiB = await cliPeakRss(push, env, dir);
  const pullRssKiB = await cliPeakRss([cli, 'pull', ref, pulled, '--force', ...common], env, dir);
  await rm(pulled, { force: true });
  const repushRuns: number[] = [];
  for (let i = 0; i < runs; i++)
    repushRuns.push((await runProcess(process.execPath, push, { env, cwd: dir })).seconds);
  return { pushRssKiB, pullRssKiB, repushRuns, distStale };
}

/** The table rows of the CLI part (secondary figures: the CLI runs the compiled dist/). */
export function cliRows(
  cli: CliResult,
  repush: Measurement | undefined,
  targets: readonly Target[],
): Row[] {
  if ('skipped' in cli || !repush) {
    return [
      { label: '(f,g) CLI process', value: 'SKIP', detail: 'skipped' in cli ? cli.skipped : '' },
    ];
  }
  const stale = cli.distStale ? ' (dist/ older than the sources: rebuild for current code)' : '';
  return [
    {
      label: '(f) peak RSS, CLI push',
      value: `${formatNumber(cli.pushRssKiB / 1024)} MiB`,
      target: targets[0]!,
      detail: `node bin/sifport.js push, a real 1 GiB upload${stale}`,
    },
    {
      label: '(f) peak RSS, CLI pull',
      value: `${formatNumber(cli.pullRssKiB / 1024)} MiB`,
      target: targets[1]!,
      detail: `node bin/sifport.js pull${stale}`,
    },
    {
      label: '(g) re-push, CLI process',
      value: `${repush.median.toFixed(3)} s`,
      target: targets[2]!,
      detail: `${describeRuns(repush.runs, 's', 3)}, whole process incl. node start-up`,
    },
  ];
}

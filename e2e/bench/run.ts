/**
 * `npm run bench`: Sifport's transfer speed against curl on the same machine, same registry,
 * same bytes, in the same run (ratios are what count: the absolute speed of this machine
 * varies from run to run).
 *
 * Self-contained: starts one open docker-registry (distribution 2.8) on 127.0.0.1 in a temp
 * directory, builds a 1 GiB SIF there (siftool new + siftool add of 1 GiB random bytes as a raw
 * data partition), measures (median of 3 runs each):
 *
 *   a) pushSif (fresh MemoryDigestCache, fresh repository: the blob is really uploaded)
 *   b) the ceiling: curl POST + one monolithic PUT of the same bytes (fresh repository)
 *   c) pullSif          d) curl GET of the blob to a file in the same temp dir
 *   e) openssl dgst -sha256 of the SIF
 *   f) peak RSS of a child process doing one push + one pull through the engine
 *   g) unchanged re-push: pushSif to the same tag with a FileDigestCache that knows the file
 *      (and the same through `bin/sifport.js` when the CLI exists)
 *
 * Prints a table with PASS/FAIL per target and writes it as JSON next to the temp directory
 * (the path is printed). Removes the temp directory and stops the registry at the end, also on
 * failure or Ctrl-C. Exit 0 when everything was measured, even if a target was missed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { FileDigestCache, MemoryDigestCache } from '../../main/engine/transfers/digest-cache.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { tailFile } from '../support/service-process.js';
import { startBenchRegistry, type BenchRegistry } from './bench-registry.js';
import {
  formatNumber,
  measurement,
  median,
  megabytesPerSecond,
  pairedRatios,
  renderTable,
  target,
  type Measurement,
  type Row,
  type Target,
} from './report.js';
import { createBenchSif } from './sif-fixture.js';
import type { ChildReport } from './transfer-child.js';

/** Runs per measurement (median of these); `BENCH_RUNS=5 npm run bench` for a steadier figure. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const PAYLOAD_SIZE = 1024 * 1024 * 1024;
const OP_TIMEOUT_MS = 120_000;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

interface ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Runs a command to completion, timing its wall clock; rejects on a non-zero exit. */
function runProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.env ? { env: options.env } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), OP_TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolvePromise({ stdout, stderr, seconds });
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code ?? signal}: ${stderr.trim().slice(-500)}`,
          ),
        );
    });
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function newClient(registry: BenchRegistry): RegistryClient {
  return new RegistryClient({ registry: registry.host, plainHttp: true });
}

async function sifportPush(
  registry: BenchRegistry,
  file: string,
  repository: string,
  expectDigest: string,
): Promise<number> {
  const client = newClient(registry);
  try {
    const { value, seconds } = await timed(() =>
      pushSif({
        client,
        file,
        reference: parseReference(`oras://${registry.host}/${repository}:v1`),
        digestCache: new MemoryDigestCache(),
        signal: AbortSignal.timeout(OP_TIMEOUT_MS),
        onProgress: () => {},
      }),
    );
    if (value.blob !== 'uploaded') throw new Error(`push did not upload (${value.blob})`);
    if (value.layerDigest !== expectDigest)
      throw new Error(`push computed ${value.layerDigest}, openssl ${expectDigest}`);
    return seconds;
  } finally {
    client.close();
  }
}

/** curl POST of a session + one monolithic PUT of the whole file (the ceiling for push). */
async function curlPut(
  registry: BenchRegistry,
  file: string,
  repository: string,
  digest: string,
): Promise<number> {
  const started = performance.now();
  const post = await runProcess('curl', [
    '-sS',
    '-f',
    '-X',
    'POST',
    '-H',
    'Content-Length: 0',
    '-D',
    '-',
    '-o',
    '/dev/null',
    '--max-time',
    '30',
    `${registry.url}/v2/${repository}/blobs/uploads/`,
  ]);
  const location = /^location:\s*(\S+)\s*$/im.exec(post.stdout)?.[1];
  if (!location) throw new Error(`curl POST: no Location in\n${post.stdout}`);
  const url = new URL(location, registry.url);
  url.searchParams.append('digest', digest);
  const put = await runProcess('curl', [
    '-sS',
    '-f',
    '-X',
    'PUT',
    '-T',
    file,
    '-H',
    'Content-Type: application/octet-stream',
    '-H',
    'Expect:',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '--max-time',
    String(OP_TIMEOUT_MS / 1000),
    url.href,
  ]);
  if (put.stdout.trim() !== '201') throw new Error(`curl PUT answered ${put.stdout}`);
  return (performance.now() - started) / 1000;
}

async function sifportPull(
  registry: BenchRegistry,
  repository: string,
  destination: string,
  size: number,
): Promise<number> {
  const client = newClient(registry);
  try {
    const { value, seconds } = await timed(() =>
      pullSif({
        client,
        reference: parseReference(`oras://${registry.host}/${repository}:v1`),
        destination,
        force: true,
        signal: AbortSignal.timeout(OP_TIMEOUT_MS),
        onProgress: () => {},
      }),
    );
    if (value.size !== size || (await stat(destination)).size !== size)
      throw new Error('pull wrote the wrong size');
    return seconds;
  } finally {
    client.close();
    await rm(destination, { force: true });
  }
}

async function curlGet(
  registry: BenchRegistry,
  repository: string,
  digest: string,
  destination: string,
  size: number,
): Promise<number> {
  try {
    const get = await runProcess('curl', [
      '-sS',
      '-f',
      '-o',
      destination,
      '-w',
      '%{size_download}',
      '--max-time',
      String(OP_TIMEOUT_MS / 1000),
      `${registry.url}/v2/${repository}/blobs/${digest}`,
    ]);
    if (Number(get.stdout.trim()) !== size) throw new Error(`curl GET got ${get.stdout} bytes`);
    return get.seconds;
  } finally {
    await rm(destination, { force: true });
  }
}

async function opensslDigest(file: string): Promise<{ digest: string; seconds: number }> {
  const result = await runProcess('openssl', ['dgst', '-sha256', file]);
  const hex = /=\s*([0-9a-f]{64})\s*$/.exec(result.stdout)?.[1];
  if (!hex) throw new Error(`openssl printed ${result.stdout}`);
  return { digest: `sha256:${hex}`, seconds: result.seconds };
}

async function childTransfer(
  registry: BenchRegistry,
  file: string,
  dir: string,
): Promise<ChildReport> {
  const input = {
    registry: registry.host,
    file,
    repository: 'bench/rss',
    tag: 'v1',
    pullTo: join(dir, 'rss-pull.sif'),
  };
  const result = await runProcess(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'e2e', 'bench', 'transfer-child.ts'), JSON.stringify(input)],
    { cwd: repoRoot },
  );
  const lastLine = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(lastLine) as ChildReport;
}

/** Unchanged re-push with a FileDigestCache (new instance each run, read from disk). */
async function repush(
  registry: BenchRegistry,
  file: string,
  repository: string,
  cacheFile: string,
): Promise<number> {
  const client = newClient(registry);
  try {
    const { value, seconds } = await timed(() =>
      pushSif({
        client,
        file,
        reference: parseReference(`oras://${registry.host}/${repository}:v1`),
        digestCache: new FileDigestCache(cacheFile),
        signal: AbortSignal.timeout(OP_TIMEOUT_MS),
        onProgress: () => {},
      }),
    );
    if (value.blob !== 'present') throw new Error(`re-push did not skip the blob (${value.blob})`);
    return seconds;
  } finally {
    client.close();
  }
}

/** The re-push through the CLI, when bin/sifport.js exists: one warm-up push, then timed ones. */
async function cliRepush(
  registry: BenchRegistry,
  file: string,
  dir: string,
): Promise<{ skipped: string } | { runs: number[] }> {
  const cli = join(repoRoot, 'bin', 'sifport.js');
  if (!existsSync(cli)) return { skipped: 'bin/sifport.js does not exist (CLI not written yet)' };
  const home = join(dir, 'cli-home');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
  };
  const ref = `oras://${registry.host}/bench/push-1:v1`;
  const args = [cli, 'push', file, ref];
  await runProcess(process.execPath, args, { env, cwd: dir });
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++)
    runs.push((await runProcess(process.execPath, args, { env, cwd: dir })).seconds);
  return { runs };
}

function describeRuns(runs: readonly number[], unit: string, digits = 2): string {
  return `runs ${runs.map((r) => r.toFixed(digits)).join(' / ')} ${unit}`;
}

async function main(): Promise<number> {
  const benchStart = performance.now();
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'sifport-bench-')));
  let registry: BenchRegistry | undefined;
  let cleaned = false;
  const cleanup = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await registry?.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log(`temp dir ${dir}`);
    registry = await startBenchRegistry(join(dir, 'registry'));
    log(`registry at ${registry.url}`);
    const sif = await createBenchSif(dir, PAYLOAD_SIZE);
    log(`SIF ${sif.path}: ${sif.size} bytes`);
    const size = sif.size;

    const digestRuns: number[] = [];
    let digest = '';
    for (let i = 0; i < RUNS; i++) {
      const r = await opensslDigest(sif.path);
      digestRuns.push(r.seconds);
      digest = r.digest;
    }
    log(`digest ${digest}`);

    const pushRuns: number[] = [];
    const putRuns: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      // Alternate who goes first, so a drift in the machine's speed hits both sides.
      const order = i % 2 === 1 ? ['sifport', 'curl'] : ['curl', 'sifport'];
      for (const who of order) {
        if (who === 'sifport')
          pushRuns.push(await sifportPush(registry, sif.path, `bench/push-${i}`, digest));
        else putRuns.push(await curlPut(registry, sif.path, `bench/curl-${i}`, digest));
      }
      log(
        `push round ${i}: sifport ${pushRuns.at(-1)!.toFixed(2)} s, curl ${putRuns.at(-1)!.toFixed(2)} s`,
      );
    }

    const pullRuns: number[] = [];
    const getRuns: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const order = i % 2 === 1 ? ['sifport', 'curl'] : ['curl', 'sifport'];
      for (const who of order) {
        if (who === 'sifport')
          pullRuns.push(await sifportPull(registry, 'bench/push-1', join(dir, 'pulled.sif'), size));
        else
          getRuns.push(
            await curlGet(registry, 'bench/push-1', digest, join(dir, 'curl-get.bin'), size),
          );
      }
      log(
        `pull round ${i}: sifport ${pullRuns.at(-1)!.toFixed(2)} s, curl ${getRuns.at(-1)!.toFixed(2)} s`,
      );
    }

    log('child process push + pull (peak RSS)');
    const child = await childTransfer(registry, sif.path, dir);

    log('unchanged re-push');
    const cacheFile = join(dir, 'digest-cache.json');
    const st = await stat(sif.path);
    // What pushSif itself remembers after uploading: the file's identity, digest and location.
    await new FileDigestCache(cacheFile).remember(
      { path: await realpath(sif.path), size: st.size, mtimeMs: st.mtimeMs, ino: st.ino },
      digest,
      `${registry.host}/bench/push-1`,
    );
    const repushRuns: number[] = [];
    for (let i = 0; i < RUNS; i++)
      repushRuns.push(await repush(registry, sif.path, 'bench/push-1', cacheFile));
    let cliError: string | undefined;
    const cli = await cliRepush(registry, sif.path, dir).catch((err: unknown) => {
      cliError = err instanceof Error ? err.message : String(err);
      return { skipped: `CLI failed: ${cliError.split('\n')[0]}` };
    });

    const m = {
      push: measurement(pushRuns),
      curlPut: measurement(putRuns),
      pull: measurement(pullRuns),
      curlGet: measurement(getRuns),
      opensslSha256: measurement(digestRuns),
      repush: measurement(repushRuns),
    } satisfies Record<string, Measurement>;
    const cliMeasure = 'runs' in cli ? measurement(cli.runs) : undefined;
    const mbps = (x: Measurement): number => megabytesPerSecond(size, x.median);
    const pushRatio = mbps(m.push) / mbps(m.curlPut);
    const pullRatio = mbps(m.pull) / mbps(m.curlGet);
    // Each round ran Sifport and curl back to back: the median of the per-round ratios is
    // less sensitive to the machine changing speed between rounds (shared CPUs).
    const pushPaired = median(pairedRatios(putRuns, pushRuns));
    const pullPaired = median(pairedRatios(getRuns, pullRuns));
    const rssMiB = child.maxRssKiB / 1024;
    const targets: Target[] = [
      target('push / ceiling', pushRatio, '>=', 0.9),
      target('pull / ceiling', pullRatio, '>=', 0.8),
      target('peak RSS', rssMiB, '<', 150, 'MiB'),
      target('re-push', m.repush.median, '<', 0.5, 's'),
    ];
    const rows: Row[] = [
      {
        label: '(a) sifport push',
        value: `${formatNumber(mbps(m.push))} MB/s`,
        detail: describeRuns(pushRuns, 's'),
      },
      {
        label: '(b) curl PUT (ceiling)',
        value: `${formatNumber(mbps(m.curlPut))} MB/s`,
        detail: describeRuns(putRuns, 's'),
      },
      {
        label: '    push / ceiling',
        value: pushRatio.toFixed(2),
        target: targets[0]!,
        detail: `ratio of medians; per round ${pairedRatios(putRuns, pushRuns)
          .map((r) => r.toFixed(2))
          .join(' / ')} (median ${pushPaired.toFixed(2)})`,
      },
      {
        label: '(c) sifport pull',
        value: `${formatNumber(mbps(m.pull))} MB/s`,
        detail: describeRuns(pullRuns, 's'),
      },
      {
        label: '(d) curl GET (ceiling)',
        value: `${formatNumber(mbps(m.curlGet))} MB/s`,
        detail: describeRuns(getRuns, 's'),
      },
      {
        label: '    pull / ceiling',
        value: pullRatio.toFixed(2),
        target: targets[1]!,
        detail: `ratio of medians; per round ${pairedRatios(getRuns, pullRuns)
          .map((r) => r.toFixed(2))
          .join(' / ')} (median ${pullPaired.toFixed(2)})`,
      },
      {
        label: '(e) openssl dgst -sha256',
        value: `${formatNumber(mbps(m.opensslSha256))} MB/s`,
        detail: describeRuns(digestRuns, 's'),
      },
      {
        label: '(f) peak RSS push+pull',
        value: `${formatNumber(rssMiB)} MiB`,
        target: targets[2]!,
        detail: `child: ${formatNumber(child.startRssKiB / 1024)} MiB after loading; push ${child.pushSeconds.toFixed(2)} s, pull ${child.pullSeconds.toFixed(2)} s`,
      },
      {
        label: '(g) re-push, in-process',
        value: `${m.repush.median.toFixed(3)} s`,
        target: targets[3]!,
        detail: describeRuns(repushRuns, 's', 3),
      },
      cliMeasure
        ? {
            label: '(g) re-push, CLI process',
            value: `${cliMeasure.median.toFixed(3)} s`,
            detail: describeRuns(cliMeasure.runs, 's', 3),
          }
        : {
            label: '(g) re-push, CLI process',
            value: 'SKIP',
            detail: 'skipped' in cli ? cli.skipped : '',
          },
    ];
    const table = renderTable(rows);
    const totalSeconds = (performance.now() - benchStart) / 1000;
    const header = [
      `Sifport transfer bench: ${size} bytes SIF (1 GiB random data partition), open docker-registry on 127.0.0.1`,
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), median of ${RUNS} runs, MB = 10^6 bytes`,
    ].join('\n');
    process.stdout.write(`\n${header}\n\n${table}\n\n`);

    const resultFile = join(
      tmpdir(),
      `sifport-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    const json = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      sif: {
        bytes: size,
        digest,
        what: 'siftool new + siftool add of 1 GiB random bytes (partition, Data, Raw)',
      },
      runs: RUNS,
      secondsByMeasure: { ...m, ...(cliMeasure ? { cliRepush: cliMeasure } : {}) },
      megabytesPerSecond: {
        push: mbps(m.push),
        curlPut: mbps(m.curlPut),
        pull: mbps(m.pull),
        curlGet: mbps(m.curlGet),
        opensslSha256: mbps(m.opensslSha256),
      },
      pairedRatios: {
        push: pairedRatios(putRuns, pushRuns),
        pull: pairedRatios(getRuns, pullRuns),
      },
      child,
      targets,
      cli: 'skipped' in cli ? { skipped: cli.skipped } : { runs: cli.runs },
      benchSeconds: totalSeconds,
      table,
    };
    await writeFile(resultFile, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`results: ${resultFile} (bench took ${totalSeconds.toFixed(0)} s)\n`);
    if (cliError !== undefined) {
      log(`the CLI re-push broke: ${cliError}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (registry) log(`registry log tail:\n${await tailFile(registry.logFile, 10)}`);
    throw error;
  } finally {
    log('cleaning up');
    await cleanup();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

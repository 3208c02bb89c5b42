/**
 * `npm run bench` (issue #13): what users of hosted registries get. A TLS registry on
 * 127.0.0.1 (the test CA), Sifport against curl on the same bytes, alternating rounds:
 *
 *   a) push and pull over TLS on loopback: target Sifport's time ≤ 1.1× curl's (a speed
 *      ratio ≥ 0.91); the pull also beside curl piped through tee and sha256sum, a download
 *      checked against its digest as Sifport's is
 *   b) pull at 50 and 150 ms round trip, push at 150 ms, through the latency relay
 *      (`e2e/support/latency-relay.ts`: delay per direction, 8 MiB in flight per connection
 *      like a stock Linux host; in a process of its own, so it never shares Sifport's event
 *      loop), beside curl's single stream; at 150 ms the pull (4 ranged
 *      connections) has a target: at most half curl's time (speed ratio ≥ 2), and is shown
 *      with one connection too
 *   c) the relay itself at 0 ms: curl through it against curl direct, to show it is not the
 *      bottleneck
 *   d) peak RSS of the built CLI's push and its pull over 4 connections, over TLS: a
 *      BENCH_LINK_MIB SIF and a BENCH_RSS_BIG_MIB one (default 4096); targets under 150 MiB
 *      and flat (the big one at most 10 % above the small one)
 *
 * BENCH_LINK_RUNS rounds (default 3), a BENCH_LINK_MIB MiB SIF (default 512). Exit 0 when
 * everything was measured, even if a target was missed.
 */
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import type { LatencyRelay } from '../support/latency-relay.js';
import { startLatencyRelayProcess } from '../support/latency-relay-process.js';
import { ensurePki } from '../support/pki.js';
import { alternatingRounds, log, repoRoot, settleDisk } from './bench-process.js';
import { startBenchRegistry, type BenchRegistry } from './bench-registry.js';
import { curlGet, curlGetVerified, curlPut, opensslDigest } from './ceilings.js';
import {
  comparisonRatio,
  comparisonRows,
  formatNumber,
  renderTable,
  target,
  type Row,
} from './report.js';
import { createBenchSif } from './sif-fixture.js';
import { sifportPull, sifportPush } from './sifport-transfers.js';
import { cliPeakRss } from './cli-measure.js';

const count = (name: string, fallback: number) =>
  Math.max(1, Number(process.env[name] ?? fallback) || fallback);
const RUNS = count('BENCH_LINK_RUNS', 3);
const SIZE = count('BENCH_LINK_MIB', 512) * 1024 * 1024;
const BIG_SIZE = count('BENCH_RSS_BIG_MIB', 4096) * 1024 * 1024;
/** Sifport's time at most 1.1× curl's: its speed at least 1/1.1 of curl's. */
const TLS_RATIO = 1 / 1.1;

interface Setting {
  readonly dir: string;
  readonly sif: { readonly path: string; readonly size: number };
  readonly digest: string;
}

/** The registry as a client reaches it through `relay` (same CA: the relay passes TLS through). */
function through(relay: LatencyRelay, registry: BenchRegistry): BenchRegistry {
  return { ...registry, host: relay.host, url: `https://${relay.host}` };
}

async function pushRounds(s: Setting, registry: BenchRegistry, what: string) {
  const repo = what.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return alternatingRounds(
    what,
    RUNS,
    (i) => sifportPush(registry, s.sif.path, `bench/${repo}-s${i}`, s.digest),
    (i) => curlPut(registry, s.sif.path, `bench/${repo}-c${i}`, s.digest),
  );
}

async function pullRounds(s: Setting, registry: BenchRegistry, what: string, connections?: number) {
  return alternatingRounds(
    what,
    RUNS,
    () => sifportPull(registry, 'bench/source', join(s.dir, 'pulled.sif'), s.sif.size, connections),
    () => curlGet(registry, 'bench/source', s.digest, join(s.dir, 'curl.bin'), s.sif.size),
  );
}

/** Runs `body` with a relay of `delayMs` per direction in front of `registry`. */
async function withRelay<T>(
  registry: BenchRegistry,
  delayMs: number,
  body: (far: BenchRegistry) => Promise<T>,
): Promise<T> {
  const relay = await startLatencyRelayProcess({ upstream: registry.host, delayMs });
  try {
    return await body(through(relay, registry));
  } finally {
    await relay.stop();
  }
}

async function measure(s: Setting, registry: BenchRegistry): Promise<Row[]> {
  await sifportPush(registry, s.sif.path, 'bench/source', s.digest);
  await settleDisk();
  const tlsPush = await pushRounds(s, registry, 'TLS push');
  const tlsPull = await pullRounds(s, registry, 'TLS pull');
  const tlsPullVerified = await alternatingRounds(
    'TLS pull, curl | tee | sha256sum',
    RUNS,
    () => sifportPull(registry, 'bench/source', join(s.dir, 'pulled.sif'), s.sif.size),
    () => curlGetVerified(registry, 'bench/source', s.digest, join(s.dir, 'curl.bin')),
  );
  const relayCheck = await withRelay(registry, 0, (far) =>
    alternatingRounds(
      'relay at 0 ms',
      RUNS,
      () => curlGet(far, 'bench/source', s.digest, join(s.dir, 'relay.bin'), s.sif.size),
      () => curlGet(registry, 'bench/source', s.digest, join(s.dir, 'direct.bin'), s.sif.size),
    ),
  );
  // The relay listens on loopback, where the automatic choice is one stream: say 4.
  const pull50 = await withRelay(registry, 25, (far) => pullRounds(s, far, 'pull, 50 ms RTT', 4));
  const pull150 = await withRelay(registry, 75, (far) => pullRounds(s, far, 'pull, 150 ms RTT', 4));
  const single150 = await withRelay(registry, 75, (far) =>
    pullRounds(s, far, 'pull, 1 connection, 150 ms RTT', 1),
  );
  const push150 = await withRelay(registry, 75, (far) => pushRounds(s, far, 'push, 150 ms RTT'));
  const size = s.sif.size;
  return [
    ...comparisonRows(
      size,
      tlsPush,
      ['(a) sifport push, TLS', '    curl PUT, TLS', '    TLS push / curl'],
      target('TLS push / curl', comparisonRatio(size, tlsPush), '>=', TLS_RATIO),
    ),
    ...comparisonRows(
      size,
      tlsPull,
      ['(b) sifport pull, TLS', '    curl GET, TLS', '    TLS pull / curl'],
      target('TLS pull / curl', comparisonRatio(size, tlsPull), '>=', TLS_RATIO),
    ),
    ...comparisonRows(size, tlsPullVerified, [
      '    sifport pull, TLS (again)',
      '    curl | tee | sha256sum, TLS',
      '    TLS pull / verified curl',
    ]),
    ...comparisonRows(size, pull50, [
      '(c) sifport pull, 50 ms RTT',
      '    curl GET, 50 ms RTT',
      '    pull / curl, 50 ms',
    ]),
    ...comparisonRows(
      size,
      pull150,
      ['(d) sifport pull, 150 ms RTT', '    curl GET, 150 ms RTT', '    pull / curl, 150 ms'],
      target('parallel pull / curl, 150 ms', comparisonRatio(size, pull150), '>=', 2),
    ),
    ...comparisonRows(size, single150, [
      '    sifport pull, 1 connection',
      '    curl GET, 150 ms RTT',
      '    1 connection / curl',
    ]),
    ...comparisonRows(size, push150, [
      '(e) sifport push, 150 ms RTT',
      '    curl PUT, 150 ms RTT',
      '    push / curl, 150 ms',
    ]),
    ...comparisonRows(size, { sifport: relayCheck.sifport, curl: relayCheck.curl }, [
      '(f) curl GET through the relay, 0 ms',
      '    curl GET direct',
      '    relay / direct',
    ]),
  ];
}

/** Peak RSS of the built CLI's push (a real upload) and its 4-connection pull of `file`, KiB. */
async function cliPeaks(
  registry: BenchRegistry,
  file: string,
  dir: string,
): Promise<{ push: number; pull: number }> {
  const config = join(dir, 'cli-config');
  const env = { ...process.env, HOME: dir, SIFPORT_CONFIG_DIR: config, XDG_CONFIG_HOME: dir };
  const common = ['--config-dir', config, '--ca-file', registry.caFile!];
  const cli = join(repoRoot, 'bin', 'sifport.js');
  const ref = `oras://${registry.host}/bench/rss-${basename(dir)}:v1`;
  const pulled = join(dir, 'rss-pulled.sif');
  const push = await cliPeakRss([cli, 'push', file, ref, ...common], env, dir);
  await settleDisk();
  const pull = await cliPeakRss(
    [cli, 'pull', ref, pulled, '--force', '--connections', '4', ...common],
    env,
    dir,
  );
  await rm(pulled, { force: true });
  return { push, pull };
}

/**
 * Peak RSS of `sifport push` and `sifport pull --connections 4` over TLS (the built CLI under
 * /usr/bin/time), for `s.sif` and for a SIF of {@link BIG_SIZE} made for it and removed after:
 * under 150 MiB, and flat (memory must not follow the file's size).
 */
async function rssRows(s: Setting, registry: BenchRegistry): Promise<Row[]> {
  const smallDir = join(s.dir, 'rss-small');
  const bigDir = join(s.dir, 'rss-big');
  await mkdir(smallDir);
  await mkdir(bigDir);
  let small;
  let large;
  let bigSize;
  try {
    small = await cliPeaks(registry, s.sif.path, smallDir);
    const big = await createBenchSif(bigDir, BIG_SIZE);
    bigSize = big.size;
    await settleDisk();
    large = await cliPeaks(registry, big.path, bigDir);
  } finally {
    await rm(bigDir, { recursive: true, force: true });
    await rm(smallDir, { recursive: true, force: true });
  }
  const mib = (bytes: number) => formatNumber(bytes / 1048576);
  const rows: Row[] = [];
  for (const kind of ['push', 'pull'] as const) {
    const label = kind === 'push' ? 'CLI push, TLS' : 'CLI pull x4, TLS';
    const growth = large[kind] / small[kind];
    rows.push(
      {
        label: `(g) peak RSS, ${label}`,
        value: `${formatNumber(small[kind] / 1024)} MiB`,
        target: target(`peak RSS, ${label}`, small[kind] / 1024, '<', 150, 'MiB'),
        detail: `${mib(s.sif.size)} MiB SIF`,
      },
      {
        label: '    the same, big SIF',
        value: `${formatNumber(large[kind] / 1024)} MiB`,
        target: target(`peak RSS, ${label}, big`, large[kind] / 1024, '<', 150, 'MiB'),
        detail: `${mib(bigSize)} MiB SIF`,
      },
      {
        label: '    big / small',
        value: growth.toFixed(2),
        target: target(`peak RSS, ${label}, big / small`, growth, '<', 1.1),
        detail: 'flat: memory does not follow the file size',
      },
    );
  }
  return rows;
}

async function main(): Promise<number> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'sifport-link-bench-')));
  let registry: BenchRegistry | undefined;
  try {
    const pki = await ensurePki(join(dir, 'pki'));
    registry = await startBenchRegistry(join(dir, 'registry'), pki);
    log(`TLS registry at ${registry.url}`);
    const sif = await createBenchSif(dir, SIZE);
    const { digest } = await opensslDigest(sif.path);
    const rows = await measure({ dir, sif, digest }, registry);
    rows.push(...(await rssRows({ dir, sif, digest }, registry)));
    const header = `Sifport long-link bench: ${sif.size} bytes SIF, TLS docker-registry on 127.0.0.1 (test CA), node ${process.version}, ${cpus().length} CPUs, median of ${RUNS} alternating rounds, MB = 10^6 bytes`;
    process.stdout.write(`\n${header}\n\n${renderTable(rows)}\n\n`);
    return 0;
  } finally {
    await registry?.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(
      `long-link bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    process.exit(1);
  },
);

/**
 * `npm run bench` (last part): the window's speed at 10,000 tags (UI.md S5 and issue #12),
 * in Debian's Chromium on the built renderer and a loopback host, against an open
 * docker-registry on 127.0.0.1 holding one repository of 10,000 tags. Measured in the page
 * (window-probes.ts), each beside its target and a baseline from the same run:
 *
 *   a) listing arrived → first rows painted (< 300 ms); baselines: the listing itself
 *      (request → answer) and 10,000 plain divs appended and painted
 *   b) a sort by Tag, click → reordered rows painted (< 150 ms), BENCH_SORTS rounds
 *   c) a filter keystroke → recounted, redrawn rows painted (< 100 ms)
 *   d) scrolling the grid 5 rows per frame: frames per second (≥ 57, i.e. 60 with vsync
 *      jitter); baselines: an idle page and the plain list scrolled the same way
 *
 * BENCH_WINDOW_RUNS (default 3) windows are opened, each from a fresh profile; medians over
 * all rounds. Exit 0 when everything was measured, even if a target was missed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '../../main/engine/registry/client.js';
import { UNSIGNED_SIF } from '../kit/index.js';
import { seedManyTags } from '../support/many-tags.js';
import { chromiumSkipReason } from '../web/browser.js';
import { closeBrowser, openWindow } from '../web/harness/window-session.js';
import { ExplorerPage } from '../web/pages/explorer-page.js';
import { log } from './bench-process.js';
import { startBenchRegistry, type BenchRegistry } from './bench-registry.js';
import { describeRuns, formatNumber, median, renderTable, target, type Row } from './report.js';
import { WINDOW_PROBES } from './window-probes.js';

const count = (name: string, fallback: number) =>
  Math.max(1, Number(process.env[name] ?? fallback) || fallback);
const RUNS = count('BENCH_WINDOW_RUNS', 3);
const SORTS = count('BENCH_SORTS', 6);
const TAGS = 10_000;
const REPOSITORY = 'bench/many';
/** Filter keystrokes: each changes the count, then each is deleted again. */
const KEYS = ['9', '9', '9', '\b', '\b', '\b'];
const SCROLL_FRAMES = 180;
const ROW = 28;

interface Round {
  listing: number;
  draw: number;
  sorts: number[];
  keys: number[];
  scroll: number[];
  idle: number[];
  plain: { draw: number; scroll: number[] };
}

async function measureWindow(registry: BenchRegistry): Promise<Round> {
  const session = await openWindow();
  try {
    const { page } = session;
    const explorer = new ExplorerPage(page);
    await page.evaluate(WINDOW_PROBES);
    await explorer.toggleSplit();
    await explorer.toggleSplit();
    await explorer.pane(0).getByLabel('Repository').fill(`oras://${registry.host}/${REPOSITORY}`);
    const first = page.evaluate('__bench.firstRows()') as Promise<{
      listing: number;
      draw: number;
    }>;
    await explorer.pane(0).getByRole('button', { name: 'Open' }).click();
    const { listing, draw } = await first;
    const sorts: number[] = [];
    for (let i = 0; i < SORTS; i++) sorts.push((await page.evaluate('__bench.sort()')) as number);
    const keys: number[] = [];
    for (const key of KEYS)
      keys.push((await page.evaluate(`__bench.key(${JSON.stringify(key)})`)) as number);
    const scroll = (await page.evaluate(
      `__bench.scroll(${SCROLL_FRAMES}, ${5 * ROW})`,
    )) as number[];
    const idle = (await page.evaluate(`__bench.idle(${SCROLL_FRAMES})`)) as number[];
    const plain = (await page.evaluate(
      `__bench.plain(${TAGS}, ${ROW}, ${SCROLL_FRAMES}, ${5 * ROW})`,
    )) as Round['plain'];
    return { listing, draw, sorts, keys, scroll, idle, plain };
  } finally {
    await session.close();
  }
}

/** Frames per second over a run of frame times, and its worst frame. */
function fps(frames: readonly number[]): number {
  return (frames.length * 1000) / frames.reduce((a, b) => a + b, 0);
}

function rows(rounds: readonly Round[]): Row[] {
  const all = <K extends keyof Round>(k: K) => rounds.map((r) => r[k]);
  const flat = (k: 'sorts' | 'keys') => rounds.flatMap((r) => r[k]);
  const draws = all('draw');
  const fpsRuns = rounds.map((r) => fps(r.scroll));
  const ms = (v: number) => `${formatNumber(v)} ms`;
  const worst = (v: readonly number[]) => `worst ${formatNumber(Math.max(...v))} ms`;
  return [
    {
      label: '(a) listing → first rows painted',
      value: ms(median(draws)),
      target: target('first rows', median(draws), '<', 300, 'ms'),
      detail: describeRuns(draws, 'ms', 0),
    },
    {
      label: '    baseline: listing (request → answer)',
      value: ms(median(all('listing'))),
      detail: describeRuns(all('listing'), 'ms', 0),
    },
    {
      label: '    baseline: 10,000 plain divs painted',
      value: ms(median(rounds.map((r) => r.plain.draw))),
      detail: describeRuns(
        rounds.map((r) => r.plain.draw),
        'ms',
        0,
      ),
    },
    {
      label: '(b) sort by tag → rows painted',
      value: ms(median(flat('sorts'))),
      target: target('sort', median(flat('sorts')), '<', 150, 'ms'),
      detail: `${flat('sorts').length} sorts, ${worst(flat('sorts'))}; ${describeRuns(flat('sorts'), 'ms', 0)}`,
    },
    {
      label: '(c) filter keystroke → rows painted',
      value: ms(median(flat('keys'))),
      target: target('filter key', median(flat('keys')), '<', 100, 'ms'),
      detail: `${flat('keys').length} keys, ${worst(flat('keys'))}; ${describeRuns(flat('keys'), 'ms', 0)}`,
    },
    {
      label: '(d) grid scroll, 5 rows per frame',
      value: `${formatNumber(median(fpsRuns))} fps`,
      target: target('scroll', median(fpsRuns), '>=', 57, 'fps'),
      detail: `${rounds.map((r) => worst(r.scroll)).join(' / ')}; ${describeRuns(fpsRuns, 'fps', 1)}`,
    },
    {
      label: '    baseline: idle page',
      value: `${formatNumber(median(rounds.map((r) => fps(r.idle))))} fps`,
      detail: describeRuns(
        rounds.map((r) => fps(r.idle)),
        'fps',
        1,
      ),
    },
    {
      label: '    baseline: plain list scroll',
      value: `${formatNumber(median(rounds.map((r) => fps(r.plain.scroll))))} fps`,
      detail: describeRuns(
        rounds.map((r) => fps(r.plain.scroll)),
        'fps',
        1,
      ),
    },
  ];
}

async function main(): Promise<number> {
  if (chromiumSkipReason) {
    log(`window bench skipped: ${chromiumSkipReason}`);
    return 0;
  }
  const dir = await mkdtemp(join(tmpdir(), 'sifport-window-bench-'));
  let registry: BenchRegistry | undefined;
  try {
    registry = await startBenchRegistry(join(dir, 'registry'));
    log(`registry at ${registry.url}; seeding ${TAGS} tags`);
    const client = new RegistryClient({ registry: registry.host, plainHttp: true });
    try {
      await seedManyTags(client, REPOSITORY, { count: TAGS, file: UNSIGNED_SIF, concurrency: 24 });
    } finally {
      client.close();
    }
    const rounds: Round[] = [];
    for (let i = 0; i < RUNS; i++) {
      log(`window ${i + 1} of ${RUNS}`);
      rounds.push(await measureWindow(registry));
    }
    const header = `Sifport window bench: ${TAGS} tags in one repository, Chromium headless 1280×800, node ${process.version}, ${cpus().length} CPUs; ${RUNS} windows`;
    process.stdout.write(`\n${header}\n\n${renderTable(rows(rounds))}\n\n`);
    return 0;
  } finally {
    await closeBrowser();
    await registry?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `window bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

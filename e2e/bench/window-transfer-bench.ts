/**
 * `npm run bench` (the window part): how busy the window's main thread is while a 1 GiB push
 * and a 1 GiB pull run at full speed against an open registry on 127.0.0.1, against a
 * baseline of the same window idle, in the same run. Target: under 10 % busy during each
 * transfer (the drawer open, its row and the status bar following every progress event).
 *
 * The window is the built renderer in Chromium over the loopback host (the e2e harness);
 * transfers are started through the page's own client, as the push sheet and Pull dialog do.
 * Each round gets a fresh registry, so the push really uploads (no blob to mount). Rounds:
 * BENCH_WINDOW_RUNS (default 3); idle baseline BENCH_WINDOW_IDLE seconds (default 5).
 */
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_DESKTOP_HOOKS } from '../../main/app/desktop-hooks.js';
import { NO_NOTIFICATIONS } from '../../main/app/handlers.js';
import { waitFor } from '../kit/poll.js';
import { chromiumSkipReason } from '../web/browser.js';
import { closeBrowser, openWindow, type WindowSession } from '../web/harness/window-session.js';
import { log } from './bench-process.js';
import { startBenchRegistry } from './bench-registry.js';
import { formatNumber, median, renderTable, target, type Row } from './report.js';
import { createBenchSif } from './sif-fixture.js';
import { measureLoad, type PageLoad } from './window-load.js';

const RUNS = Math.max(1, Number(process.env.BENCH_WINDOW_RUNS ?? 3) || 3);
const IDLE_SECONDS = Math.max(1, Number(process.env.BENCH_WINDOW_IDLE ?? 5) || 5);
const PAYLOAD_SIZE = 1024 * 1024 * 1024;
const BUSY_LIMIT = 0.1;
const TRANSFER_TIMEOUT_MS = 300_000;

/**
 * Starts a transfer through the window's client and waits until the host says it ended. The
 * wait asks the host, not the page: a locator polling the page would be measured too.
 */
async function transferInWindow(
  session: WindowSession,
  channel: 'transfer:push' | 'transfer:pull',
  request: Record<string, unknown>,
): Promise<void> {
  const id = await session.page.evaluate(
    async ({ channel, request }) => {
      type Client = { invoke(c: string, r: unknown): Promise<{ job: { id: string } }> };
      const client = (globalThis as unknown as { sifport: Client }).sifport;
      return (await client.invoke(channel, request)).job.id;
    },
    { channel, request },
  );
  const list = session.services.handlers({
    emit: () => undefined,
    notifier: NO_NOTIFICATIONS,
    desktop: BROWSER_DESKTOP_HOOKS,
  })['transfer:list'];
  let job: { state: string; error?: { message: string } } | undefined;
  await waitFor(
    async () => {
      job = (await list({})).jobs.find((j) => j.id === id);
      return job !== undefined && !['queued', 'running'].includes(job.state);
    },
    { timeoutMs: TRANSFER_TIMEOUT_MS, intervalMs: 250, what: `the ${channel} to end` },
  );
  if (job?.state !== 'done')
    throw new Error(`the ${channel} ${job?.state}: ${job?.error?.message}`);
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
/** "busy 4.1/5.0/4.4 %, CPU 3.2 %…, long tasks 0/1/0 (longest 62 ms)". */
function loadDetail(runs: readonly PageLoad[]): string {
  const each = (pick: (r: PageLoad) => number) =>
    runs.map((r) => (pick(r) * 100).toFixed(1)).join('/');
  const longest = Math.max(...runs.map((r) => r.longestTaskMs));
  return `busy ${each((r) => r.busy)} %, CPU ${each((r) => r.cpu)} %; long tasks ${runs
    .map((r) => r.longTasks)
    .join('/')}${longest > 0 ? ` (longest ${formatNumber(longest)} ms)` : ''}`;
}

async function main(): Promise<number> {
  if (chromiumSkipReason) {
    log(`window bench skipped: ${chromiumSkipReason}`);
    return 0;
  }
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'sifport-window-bench-')));
  const session = await openWindow().catch(async (err: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw err;
  });
  try {
    const { page } = session;
    log(`temp dir ${dir}`);
    const sif = await createBenchSif(dir, PAYLOAD_SIZE);
    log(`SIF ${sif.path}: ${sif.size} bytes`);
    await page.keyboard.press('Control+j');
    await page.getByRole('region', { name: 'Transfers' }).waitFor();

    const idle: PageLoad[] = [];
    const push: PageLoad[] = [];
    const pull: PageLoad[] = [];
    for (let round = 1; round <= RUNS; round++) {
      idle.push(await measureLoad(page, () => page.waitForTimeout(IDLE_SECONDS * 1000)));
      const registry = await startBenchRegistry(join(dir, `registry-${round}`));
      try {
        const reference = `oras://${registry.host}/bench/window:${round}`;
        push.push(
          await measureLoad(page, () =>
            transferInWindow(session, 'transfer:push', {
              file: sif.path,
              reference,
              plainHttp: true,
            }),
          ),
        );
        const destination = join(dir, `pulled-${round}.sif`);
        pull.push(
          await measureLoad(page, () =>
            transferInWindow(session, 'transfer:pull', { reference, destination, plainHttp: true }),
          ),
        );
        await rm(destination, { force: true });
        log(
          `round ${round}: busy idle ${percent(idle.at(-1)!.busy)}, push ${percent(push.at(-1)!.busy)} over ${push.at(-1)!.seconds.toFixed(1)} s, pull ${percent(pull.at(-1)!.busy)} over ${pull.at(-1)!.seconds.toFixed(1)} s`,
        );
      } finally {
        await registry.stop();
        await rm(join(dir, `registry-${round}`), { recursive: true, force: true });
      }
    }

    const busy = (runs: readonly PageLoad[]) => median(runs.map((r) => r.busy));
    const targets = [
      target('window busy during push', busy(push) * 100, '<', BUSY_LIMIT * 100, '%'),
      target('window busy during pull', busy(pull) * 100, '<', BUSY_LIMIT * 100, '%'),
    ];
    const rows: Row[] = [
      { label: '(a) idle window (baseline)', value: percent(busy(idle)), detail: loadDetail(idle) },
      {
        label: '(b) during a 1 GiB push',
        value: percent(busy(push)),
        target: targets[0],
        detail: loadDetail(push),
      },
      {
        label: '(c) during a 1 GiB pull',
        value: percent(busy(pull)),
        target: targets[1],
        detail: loadDetail(pull),
      },
    ];
    const table = renderTable(rows);
    process.stdout.write(
      `\nSifport window bench: renderer main thread busy (CDP TaskDuration / wall time), drawer open, ${sif.size}-byte SIF, open docker-registry on 127.0.0.1\n` +
        `node ${process.version}, ${cpus().length} CPUs, median of ${RUNS} rounds, idle baseline ${IDLE_SECONDS} s per round\n\n${table}\n\n`,
    );
    const resultFile = join(
      tmpdir(),
      `sifport-window-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    await writeFile(
      resultFile,
      `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, idle, push, pull, targets, table }, null, 2)}\n`,
    );
    process.stdout.write(`results: ${resultFile}\n`);
    return 0;
  } finally {
    await session.close();
    await closeBrowser();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `window bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

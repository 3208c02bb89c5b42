/**
 * `npm run bench` part 2: sign and verify of a 1 GiB SIF against `openssl dgst -sha256` on
 * the same file, in the same run (issue #3 target: both ≥ 0.8× openssl's speed).
 *
 *   node --import tsx e2e/bench/sif-bench.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  openFileSource,
  openFileTarget,
  readPublicKeys,
  removeSignatures,
  signSif,
  verifySif,
} from '../../main/engine/sif/index.js';
import {
  formatNumber,
  megabytesPerSecond,
  measurement,
  renderTable,
  target,
  type Row,
} from './report.js';
import { writeRandomFile } from './sif-fixture.js';

const run = promisify(execFile);
const GIB = 1024 * 1024 * 1024;
const ROUNDS = 3;
const fixtures = new URL('../../../shared/fixtures/sif/', import.meta.url).pathname;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** A SIF like `apptainer build` makes: one 1 GiB partition in object group 1. */
async function createGroupedSif(
  dir: string,
  size: number,
): Promise<{ path: string; size: number }> {
  const data = join(dir, 'rootfs.bin');
  const path = join(dir, 'bench.sif');
  await writeRandomFile(data, size);
  await run('siftool', ['new', path]);
  await run('siftool', [
    'add',
    path,
    data,
    '--datatype',
    '4',
    '--parttype',
    '2',
    '--partfs',
    '4',
    '--partarch',
    '2',
    '--groupid',
    '1',
  ]);
  await rm(data, { force: true });
  return { path, size: (await stat(path)).size };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-sif-bench-'));
  try {
    const sif = await createGroupedSif(dir, GIB);
    process.stdout.write(`sif-bench: ${sif.path}: ${sif.size} bytes\n`);
    const privateKey = await readFile(join(fixtures, 'test-private.asc'), 'utf8');
    const keys = await readPublicKeys(await readFile(join(fixtures, 'test-public.asc'), 'utf8'));
    const openssl: number[] = [];
    const sign: number[] = [];
    const verify: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      openssl.push(await timed(() => run('openssl', ['dgst', '-sha256', sif.path])));
      const target = await openFileTarget(sif.path);
      try {
        sign.push(await timed(() => signSif(target, { key: privateKey })));
      } finally {
        await target.close();
      }
      const source = await openFileSource(sif.path);
      try {
        verify.push(
          await timed(async () => {
            const report = await verifySif(source, { keys });
            if (!report.ok) throw new Error('the signed bench SIF did not verify');
          }),
        );
      } finally {
        await source.close();
      }
      const again = await openFileTarget(sif.path);
      try {
        await removeSignatures(again);
      } finally {
        await again.close();
      }
      process.stdout.write(
        `sif-bench: round ${round}: openssl ${openssl.at(-1)!.toFixed(2)} s, sign ${sign.at(-1)!.toFixed(2)} s, verify ${verify.at(-1)!.toFixed(2)} s\n`,
      );
    }
    const o = measurement(openssl);
    const s = measurement(sign);
    const v = measurement(verify);
    const rate = (m: { median: number }): string =>
      `${formatNumber(megabytesPerSecond(sif.size, m.median))} MB/s`;
    const rows: Row[] = [
      {
        label: 'openssl dgst -sha256',
        value: rate(o),
        detail: o.runs.map((r) => r.toFixed(2)).join(' / ') + ' s',
      },
      {
        label: 'sifport sign',
        value: rate(s),
        detail: s.runs.map((r) => r.toFixed(2)).join(' / ') + ' s',
      },
      {
        label: '    sign / openssl',
        value: formatNumber(o.median / s.median),
        target: target('sign', o.median / s.median, '>=', 0.8),
      },
      {
        label: 'sifport verify',
        value: rate(v),
        detail: v.runs.map((r) => r.toFixed(2)).join(' / ') + ' s',
      },
      {
        label: '    verify / openssl',
        value: formatNumber(o.median / v.median),
        target: target('verify', o.median / v.median, '>=', 0.8),
      },
    ];
    process.stdout.write(
      `\nSifport signature bench: ${sif.size} bytes SIF, median of ${ROUNDS} runs\n\n${renderTable(rows)}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`sif-bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});

/**
 * `npm run bench` part 2: sign and verify of a 1 GiB SIF against `openssl dgst -sha256` on
 * the same file, in the same run (issue #3 target: both ≥ 0.8× openssl's speed).
 *
 *   node --import tsx e2e/bench/sif-bench.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
  type Measurement,
  type Row,
} from './report.js';
import { createBenchSif } from './sif-fixture.js';

const run = promisify(execFile);
const GIB = 1024 * 1024 * 1024;
const ROUNDS = 3;
const fixtures = new URL('../../../shared/fixtures/sif/', import.meta.url).pathname;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-sif-bench-'));
  try {
    // A SIF like `apptainer build` makes: one 1 GiB partition in object group 1.
    const sif = await createBenchSif(dir, GIB, { kind: 'rootfs' });
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
    /** A timed command's row: its rate over the SIF, each run's seconds beside it. */
    const timing = (label: string, m: Measurement): Row => ({
      label,
      value: `${formatNumber(megabytesPerSecond(sif.size, m.median))} MB/s`,
      detail: m.runs.map((r) => r.toFixed(2)).join(' / ') + ' s',
    });
    /** Sifport's row for `name`, then its speed against openssl's with the ≥ 0.8 target. */
    const againstOpenssl = (name: 'sign' | 'verify', m: Measurement): Row[] => [
      timing(`sifport ${name}`, m),
      {
        label: `    ${name} / openssl`,
        value: formatNumber(o.median / m.median),
        target: target(name, o.median / m.median, '>=', 0.8),
      },
    ];
    const rows: Row[] = [
      timing('openssl dgst -sha256', o),
      ...againstOpenssl('sign', s),
      ...againstOpenssl('verify', v),
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

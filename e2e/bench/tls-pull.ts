/**
 * The HTTPS row of the transfer bench: real registries serve TLS, where the in-place socket
 * reader cannot work (Node decrypts in 16 KiB records), so this shows what users of a hosted
 * registry get. Informational, with no target: the targets are for the open registry.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { ensurePki } from '../support/pki.js';
import { alternatingRounds, log, settleDisk } from './bench-process.js';
import { startBenchRegistry } from './bench-registry.js';
import { curlGet } from './ceilings.js';
import { comparisonRows, type Row } from './report.js';
import { sifportPull, sifportPush } from './sifport-transfers.js';

/** Seconds per round for Sifport's pull and curl's GET over TLS, or why it was skipped. */
export type TlsPullResult =
  | { readonly sifport: readonly number[]; readonly curl: readonly number[] }
  | { readonly skipped: string };

/**
 * Starts a TLS registry (test CA) in `dir`, pushes the SIF once, then runs `runs` rounds of
 * pullSif and curl GET --cacert, alternating who goes first. Stops the registry and removes
 * its data before returning. `BENCH_TLS=0` skips it.
 */
export async function measureTlsPull(
  dir: string,
  sif: { readonly path: string; readonly size: number },
  digest: string,
  runs: number,
): Promise<TlsPullResult> {
  if (process.env.BENCH_TLS === '0') return { skipped: 'BENCH_TLS=0' };
  const pki = await ensurePki(join(dir, 'pki'));
  const registry = await startBenchRegistry(join(dir, 'tls-registry'), pki);
  try {
    log(`TLS registry at ${registry.url}`);
    await sifportPush(registry, sif.path, 'bench/tls', digest);
    await settleDisk();
    return await alternatingRounds(
      'TLS pull',
      runs,
      () => sifportPull(registry, 'bench/tls', join(dir, 'tls.sif'), sif.size),
      () => curlGet(registry, 'bench/tls', digest, join(dir, 'tls.bin'), sif.size),
    );
  } finally {
    await registry.stop();
    await rm(join(dir, 'tls-registry'), { recursive: true, force: true });
  }
}

/** Table rows for {@link measureTlsPull}: both speeds and their ratio, no PASS/FAIL. */
export function tlsPullRows(result: TlsPullResult, size: number): Row[] {
  if ('skipped' in result) {
    return [{ label: '(h) pull over TLS', value: 'SKIP', detail: result.skipped }];
  }
  return comparisonRows(size, result, [
    '(h) sifport pull, TLS',
    '(i) curl GET, TLS',
    '    TLS pull / curl',
  ]);
}

/**
 * Child process of the bench: one push and one pull of a SIF through the engine, as the CLI
 * runs them (one RegistryClient, progress listeners attached), then reports its peak RSS.
 *
 *   node --import tsx e2e/bench/transfer-child.ts '{"registry":"127.0.0.1:PORT",
 *     "file":"/tmp/x.sif","repository":"bench/rss","tag":"v1","pullTo":"/tmp/out.sif"}'
 *
 * With `"caFile"` the registry is TLS (trusting that CA); `"connections"` sets the pull's.
 *
 * Prints one JSON line: {"maxRssKiB":…,"startRssKiB":…,"pushSeconds":…,"pullSeconds":…}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { MemoryDigestCache } from '../../main/engine/transfers/digest-cache.js';
import type { TransferProgress } from '../../main/engine/transfers/progress.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';

interface ChildInput {
  readonly registry: string;
  readonly file: string;
  readonly repository: string;
  readonly tag: string;
  readonly pullTo: string;
  readonly caFile?: string;
  readonly connections?: number;
}

/** What the child prints. */
export interface ChildReport {
  /** Peak RSS over both transfers, in KiB ({@link peakRssKiB}). */
  readonly maxRssKiB: number;
  /** The peak during the push, and during the pull (the counter is reset in between). */
  readonly pushRssKiB: number;
  readonly pullRssKiB: number;
  /** The same before the first transfer: what loading the engine costs. */
  readonly startRssKiB: number;
  readonly pushSeconds: number;
  readonly pullSeconds: number;
}

/**
 * Peak RSS since {@link resetPeakRss}, in KiB: Linux's VmHWM. `getrusage`'s maxrss cannot
 * serve: in a spawned child it keeps the peak of the parent's copy the child started as
 * (297 MiB reported by a child of a 300 MiB parent, whose own peak was 82 MiB).
 */
function peakRssKiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: fall back to getrusage, an upper bound.
  }
  return process.resourceUsage().maxRSS;
}

/** Starts {@link peakRssKiB} again from the current RSS (Linux: "5" to /proc/self/clear_refs). */
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak then includes what loading the engine took.
  }
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '') as ChildInput;
  resetPeakRss();
  const startRssKiB = peakRssKiB();
  const reference = parseReference(`oras://${input.registry}/${input.repository}:${input.tag}`);
  const client = input.caFile
    ? new RegistryClient({ registry: input.registry, tls: { caFile: input.caFile } })
    : new RegistryClient({ registry: input.registry, plainHttp: true });
  let last: TransferProgress | undefined;
  const onProgress = (p: TransferProgress): void => {
    last = p;
  };
  try {
    let t = performance.now();
    await pushSif({
      client,
      file: input.file,
      reference,
      digestCache: new MemoryDigestCache(),
      onProgress,
    });
    const pushSeconds = (performance.now() - t) / 1000;
    const pushRssKiB = peakRssKiB();
    resetPeakRss();
    t = performance.now();
    await pullSif({
      client,
      reference,
      destination: input.pullTo,
      force: true,
      connections: input.connections,
      onProgress,
    });
    const pullSeconds = (performance.now() - t) / 1000;
    if (last?.phase !== 'done') throw new Error('the pull did not report "done"');
    const pullRssKiB = peakRssKiB();
    const report: ChildReport = {
      maxRssKiB: Math.max(pushRssKiB, pullRssKiB),
      pushRssKiB,
      pullRssKiB,
      startRssKiB,
      pushSeconds,
      pullSeconds,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    client.close();
    await rm(input.pullTo, { force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

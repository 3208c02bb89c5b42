/**
 * Child process of the bench: one push and one pull of a SIF through the engine, as the CLI
 * runs them (one RegistryClient, progress listeners attached), then reports its peak RSS.
 *
 *   node --import tsx e2e/bench/transfer-child.ts '{"registry":"127.0.0.1:PORT",
 *     "file":"/tmp/x.sif","repository":"bench/rss","tag":"v1","pullTo":"/tmp/out.sif"}'
 *
 * Prints one JSON line: {"maxRssKiB":…,"startRssKiB":…,"pushSeconds":…,"pullSeconds":…}.
 */
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
}

/** What the child prints. */
export interface ChildReport {
  /** process.resourceUsage().maxRSS after the transfers, in KiB. */
  readonly maxRssKiB: number;
  /** The same before the first transfer: what loading the engine costs. */
  readonly startRssKiB: number;
  readonly pushSeconds: number;
  readonly pullSeconds: number;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '') as ChildInput;
  const startRssKiB = process.resourceUsage().maxRSS;
  const reference = parseReference(`oras://${input.registry}/${input.repository}:${input.tag}`);
  const client = new RegistryClient({ registry: input.registry, plainHttp: true });
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
    t = performance.now();
    await pullSif({ client, reference, destination: input.pullTo, force: true, onProgress });
    const pullSeconds = (performance.now() - t) / 1000;
    if (last?.phase !== 'done') throw new Error('the pull did not report "done"');
    const report: ChildReport = {
      maxRssKiB: process.resourceUsage().maxRSS,
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

/**
 * The Sifport side of the transfer bench: push, pull and unchanged re-push through the engine
 * in this process, and one push + pull in a child process (for its peak RSS).
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import {
  FileDigestCache,
  MemoryDigestCache,
  type DigestCache,
} from '../../main/engine/transfers/digest-cache.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif, type PushResult } from '../../main/engine/transfers/push.js';
import { OP_TIMEOUT_MS, repoRoot, runProcess, timed } from './bench-process.js';
import type { BenchRegistry } from './bench-registry.js';
import type { ChildReport } from './transfer-child.js';

/** A registry client for the bench registry, plain HTTP or TLS (close it after use). */
export function newClient(registry: BenchRegistry): RegistryClient {
  return registry.caFile
    ? new RegistryClient({ registry: registry.host, tls: { caFile: registry.caFile } })
    : new RegistryClient({ registry: registry.host, plainHttp: true });
}

/** One timed pushSif of `file` to `repository:v1`, with its own client. */
async function timedPush(
  registry: BenchRegistry,
  file: string,
  repository: string,
  digestCache: DigestCache,
): Promise<{ value: PushResult; seconds: number }> {
  const client = newClient(registry);
  try {
    return await timed(() =>
      pushSif({
        client,
        file,
        reference: parseReference(`oras://${registry.host}/${repository}:v1`),
        digestCache,
        signal: AbortSignal.timeout(OP_TIMEOUT_MS),
        onProgress: () => {},
      }),
    );
  } finally {
    client.close();
  }
}

/** Timed pushSif to a fresh repository (a real upload); checks the digest against openssl's. */
export async function sifportPush(
  registry: BenchRegistry,
  file: string,
  repository: string,
  expectDigest: string,
): Promise<number> {
  const { value, seconds } = await timedPush(registry, file, repository, new MemoryDigestCache());
  if (value.blob !== 'uploaded') throw new Error(`push did not upload (${value.blob})`);
  if (value.layerDigest !== expectDigest)
    throw new Error(`push computed ${value.layerDigest}, openssl ${expectDigest}`);
  return seconds;
}

/** Timed pullSif of `repository:v1` to `destination` (removed afterwards); checks the size. */
export async function sifportPull(
  registry: BenchRegistry,
  repository: string,
  destination: string,
  size: number,
  /** Connections for the blob (pullSif's default when absent). */
  connections?: number,
): Promise<number> {
  const client = newClient(registry);
  try {
    const { value, seconds } = await timed(() =>
      pullSif({
        client,
        reference: parseReference(`oras://${registry.host}/${repository}:v1`),
        destination,
        force: true,
        connections,
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

/** One push + one pull in a child process (`transfer-child.ts`), which reports its peak RSS. */
export async function childTransfer(
  registry: BenchRegistry,
  file: string,
  dir: string,
  /** Connections for the pull (pullSif's default when absent). */
  connections?: number,
): Promise<ChildReport> {
  const input = {
    registry: registry.host,
    file,
    repository: 'bench/rss',
    tag: 'v1',
    pullTo: join(dir, 'rss-pull.sif'),
    ...(registry.caFile ? { caFile: registry.caFile } : {}),
    ...(connections ? { connections } : {}),
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
export async function repush(
  registry: BenchRegistry,
  file: string,
  repository: string,
  cacheFile: string,
): Promise<number> {
  const { value, seconds } = await timedPush(
    registry,
    file,
    repository,
    new FileDigestCache(cacheFile),
  );
  if (value.blob !== 'present') throw new Error(`re-push did not skip the blob (${value.blob})`);
  return seconds;
}

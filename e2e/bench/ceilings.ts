/**
 * The ceilings of the transfer bench: curl PUT and GET of the same bytes against the same
 * registry, and `openssl dgst -sha256` of the SIF (which also gives the expected digest).
 */
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { OP_TIMEOUT_MS, runProcess } from './bench-process.js';
import type { BenchRegistry } from './bench-registry.js';

/**
 * curl's flags for a TLS registry: trust its test CA, and speak HTTP/1.1 as Sifport does.
 * Over TLS curl would otherwise pick HTTP/2, whose flow control (distribution's Go server
 * allows 1 MiB in flight) caps an upload at 1 MiB per round trip: 6.5 MB/s at 150 ms.
 */
function trust(registry: BenchRegistry): string[] {
  return registry.caFile ? ['--cacert', registry.caFile, '--http1.1'] : [];
}

/** curl POST of a session + one monolithic PUT of the whole file (the ceiling for push). */
export async function curlPut(
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
    ...trust(registry),
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
    ...trust(registry),
    '--max-time',
    String(OP_TIMEOUT_MS / 1000),
    url.href,
  ]);
  if (put.stdout.trim() !== '201') throw new Error(`curl PUT answered ${put.stdout}`);
  return (performance.now() - started) / 1000;
}

/** curl GET of the blob to `destination` (removed afterwards): the ceiling for pull (HTTP or TLS). */
export async function curlGet(
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
      ...trust(registry),
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

/**
 * curl GET of the blob through `tee` to `destination` and `sha256sum` (removed afterwards):
 * a download checked against its digest, as Sifport's pull is, made of curl's parts. The
 * digest must come out as `digest`.
 */
export async function curlGetVerified(
  registry: BenchRegistry,
  repository: string,
  digest: string,
  destination: string,
): Promise<number> {
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  const curl = [
    'curl',
    '-sS',
    '-f',
    ...trust(registry),
    '--max-time',
    String(OP_TIMEOUT_MS / 1000),
    `${registry.url}/v2/${repository}/blobs/${digest}`,
  ];
  try {
    const run = await runProcess('bash', [
      '-o',
      'pipefail',
      '-c',
      `${curl.map(quote).join(' ')} | tee ${quote(destination)} | sha256sum`,
    ]);
    const hex = /^([0-9a-f]{64})\b/.exec(run.stdout)?.[1];
    if (`sha256:${hex}` !== digest) throw new Error(`curl | sha256sum printed ${run.stdout}`);
    return run.seconds;
  } finally {
    await rm(destination, { force: true });
  }
}

/** `openssl dgst -sha256` of the file: its digest, and the time openssl took. */
export async function opensslDigest(file: string): Promise<{ digest: string; seconds: number }> {
  const result = await runProcess('openssl', ['dgst', '-sha256', file]);
  const hex = /=\s*([0-9a-f]{64})\s*$/.exec(result.stdout)?.[1];
  if (!hex) throw new Error(`openssl printed ${result.stdout}`);
  return { digest: `sha256:${hex}`, seconds: result.seconds };
}

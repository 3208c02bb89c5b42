import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { perTestTempDir } from '../kit/index.js';
import type { BodyFault } from './body-fault-proxy.js';
import { bed, FAST_RETRY, MiB, skip, suiteSif, suitePushedSif } from './bed.js';
import { pullThroughBodyFaults } from './fault-helpers.js';

/** A proxy in front of `upstream` that drops every `Range` header: a server that ignores it. */
async function rangeIgnoringProxy(upstream: string): Promise<{ host: string; stop(): void }> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const headers = { ...req.headers, host: target.host };
    delete headers.range;
    const out = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('parallel ranged pull (issue #13)', () => {
  // Above the 64 MiB threshold: four regions of 17 MiB (the last shorter).
  const sif = suiteSif('parallel-pull', 'big.sif', 66 * MiB + 4321);
  const out = perTestTempDir('sifport-parallel-out-');
  const image = suitePushedSif(sif, 'parallel');

  /** Connections are given: on a loopback registry the automatic choice is one stream. */
  async function pullThrough(
    plan: (n: number) => BodyFault,
    asked: { connections?: number } = { connections: 4 },
  ) {
    const destination = join(out.path, 'big.sif');
    const { value, error, log } = await pullThroughBodyFaults(image.repo, plan, {
      destination,
      ...asked,
    });
    if (error) throw error;
    return { result: value!, log, bytes: await readFile(destination) };
  }

  it('fetches four regions with Range at once; the file is byte-identical', { skip }, async () => {
    const { result, log, bytes } = await pullThrough(() => ({ kind: 'pass' }));
    assert.ok(bytes.equals(sif.bytes));
    assert.equal(result.resumes, 0);
    const ranges = log.map((r) => r.range).sort();
    assert.equal(ranges.length, 4, ranges.join(', '));
    assert.ok(log.every((r) => r.status === 206));
    const size = sif.bytes.length;
    // Whole MiB regions, contiguous, covering every byte.
    const bounds = ranges
      .map(
        (r) =>
          /^bytes=(\d+)-(\d+)$/
            .exec(r ?? '')!
            .slice(1)
            .map(Number) as [number, number],
      )
      .sort((a, b) => a[0] - b[0]);
    assert.equal(bounds[0]![0], 0);
    assert.equal(bounds.at(-1)![1], size - 1);
    for (let i = 1; i < bounds.length; i++) assert.equal(bounds[i]![0], bounds[i - 1]![1] + 1);
    assert.deepEqual(await readdir(out.path), ['big.sif'], 'no partial file or marker left');
  });

  it('a region cut mid-way continues from its own bytes on disk', { skip }, async () => {
    const { result, log, bytes } = await pullThrough((n) =>
      n === 2 ? { kind: 'cut', bytes: 5 * MiB } : { kind: 'pass' },
    );
    assert.ok(bytes.equals(sif.bytes));
    assert.equal(result.resumes, 1);
    assert.equal(log.length, 5);
    const again = log[4]!.range ?? '';
    const cut = log[2]!.range ?? '';
    const [cutStart, cutEnd] = /^bytes=(\d+)-(\d+)$/.exec(cut)!.slice(1).map(Number);
    const [start, end] = /^bytes=(\d+)-(\d+)$/.exec(again)!.slice(1).map(Number);
    assert.equal(end, cutEnd, 'the same region');
    assert.ok(start! > cutStart! && start! <= cutStart! + 5 * MiB, `${cut} then ${again}`);
  });

  for (const [what, asked] of [
    ['connections: 1', { connections: 1 }],
    ['without connections, from a registry on this machine,', {}],
  ] as const) {
    it(`${what} pulls in one stream, as before`, { skip }, async () => {
      const { log, bytes } = await pullThrough(() => ({ kind: 'pass' }), asked);
      assert.ok(bytes.equals(sif.bytes));
      assert.deepEqual(
        log.map((r) => [r.range, r.status]),
        [[undefined, 200]],
      );
    });
  }

  it('a server that ignores Range: one stream fetches the blob instead', { skip }, async () => {
    const proxy = await rangeIgnoringProxy(bed!.open.url);
    const client = new RegistryClient({ registry: proxy.host, retry: FAST_RETRY });
    try {
      const destination = join(out.path, 'whole.sif');
      const result = await pullSif({
        client,
        reference: parseReference(`${proxy.host}/${image.repo}:v1`),
        destination,
        connections: 4,
      });
      assert.equal(result.size, sif.bytes.length);
      assert.ok((await readFile(destination)).equals(sif.bytes));
      assert.deepEqual(await readdir(out.path), ['whole.sif']);
    } finally {
      client.close();
      proxy.stop();
    }
  });
});

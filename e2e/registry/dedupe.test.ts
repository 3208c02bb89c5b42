import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { MemoryDigestCache } from '../../main/engine/transfers/digest-cache.js';
import { type PushResult } from '../../main/engine/transfers/push.js';
import type { RegistryClient } from '../../main/engine/registry/client.js';
import type { FaultProxy } from '../support/fault-proxy.js';
import { SlowUplink } from '../support/slow-uplink.js';
import {
  assertPullsBack,
  bed,
  makeSif,
  pushToBed,
  MiB,
  skip,
  suiteSif,
  uniqueRepo,
} from './bed.js';
import { pushThrough, viaProxy } from './fault-helpers.js';

describe('skipping and mounting blobs the registry already has (oras.md §3.3 step 1, §3.4)', () => {
  const sif = suiteSif('dedupe', 'dedupe.sif', 2 * MiB);

  /** Blob uploads (not the config, not mounts) the proxy forwarded. */
  function uploadRequests(proxy: FaultProxy): string[] {
    return proxy.requests
      .filter((r) => /\/blobs\/uploads\//.test(r.path) && r.method !== 'POST')
      .map((r) => `${r.method} ${r.status}`);
  }

  /**
   * Pushes the SIF through `proxy` to `first` (asserting it was uploaded), then, with the same
   * digest cache and the proxy's log cleared, to `second`: what a user's repeated push does.
   */
  async function pushTwice(
    proxy: FaultProxy,
    client: RegistryClient,
    first: string,
    second: string,
  ): Promise<[PushResult, PushResult]> {
    const digestCache = new MemoryDigestCache();
    const push = (to: string) => pushThrough(proxy, client, sif.path, `${to}`, { digestCache });
    const a = await push(first);
    assert.equal(a.blob, 'uploaded');
    proxy.reset();
    return [a, await push(second)];
  }

  it(
    'open: a second push of the same file to the same repository sends no blob',
    { skip },
    async () => {
      await viaProxy(async (proxy, client) => {
        const repo = uniqueRepo('present');
        const [first, second] = await pushTwice(proxy, client, `${repo}:a`, `${repo}:b`);
        assert.equal(second.blob, 'present');
        assert.equal(second.layerDigest, first.layerDigest);
        assert.equal(
          second.manifestDigest,
          first.manifestDigest,
          'same file, same title: same manifest',
        );
        assert.deepEqual(uploadRequests(proxy), [], 'no PATCH or PUT of blob bytes');
        assert.ok(!proxy.requests.some((r) => r.method === 'POST'), 'no upload session at all');
        const heads = proxy.requests.filter((r) => r.method === 'HEAD').map((r) => r.status);
        assert.deepEqual(heads, [200, 200], 'config and SIF found by HEAD');
      });
    },
  );

  for (const name of ['open', 'bearer'] as const) {
    it(
      `${name}: pushing to repository B after A with the same digest cache mounts the blob`,
      { skip },
      async () => {
        const info = bed!;
        const repoA = uniqueRepo('mount-a');
        const repoB = uniqueRepo('mount-b');
        await viaProxy(
          async (proxy, client) => {
            const [, b] = await pushTwice(proxy, client, `${repoA}:v1`, `${repoB}:v1`);
            assert.equal(b.blob, 'mounted');
            assert.equal(b.mountedFrom, repoA);
            const mounts = proxy.requests.filter(
              (r) => r.method === 'POST' && r.path.includes('mount='),
            );
            assert.equal(mounts.length, 1);
            assert.ok(
              mounts[0]!.path.includes(`from=${encodeURIComponent(repoA)}`),
              mounts[0]!.path,
            );
            assert.equal(mounts[0]!.status, 201);
            assert.deepEqual(
              uploadRequests(proxy).filter((r) => r.startsWith('PATCH')),
              [],
              'the SIF bytes were not sent again',
            );
          },
          {
            registry: name,
            client:
              name === 'bearer' ? { credentials: { kind: 'basic', ...info.users.tester } } : {},
          },
        );
        // Repository B really holds the blob: pull it straight from the registry.
        const out = join(sif.dir, `${name}-mounted.sif`);
        await assertPullsBack(name, repoB, 'v1', out, sif.bytes);
      },
    );
  }

  it(
    'open: a large SIF pushed again with no digest cache stops uploading once hashed',
    { skip },
    async () => {
      const large = await makeSif(sif.dir, 'large.sif', 80 * MiB);
      const repo = uniqueRepo('hash-ahead');
      await pushToBed('open', large.path, repo, 'v1');
      // Another machine, no digest cache, a slow uplink: 80 MiB would take 20 s at 4 MiB/s.
      const uplink = new SlowUplink(4 * MiB);
      try {
        await viaProxy(
          async (proxy, client) => {
            const again = await pushThrough(proxy, client, large.path, `${repo}:v2`);
            assert.equal(again.blob, 'present');
            assert.equal(again.layerDigest, large.digest);
            assert.ok(uplink.patchedBytes < 40 * MiB, `sent ${uplink.patchedBytes} bytes`);
            const uploads = uploadRequests(proxy);
            assert.ok(
              uploads.some((r) => r.startsWith('DELETE')),
              `the session is cancelled: ${uploads.join(', ')}`,
            );
            assert.ok(!uploads.some((r) => r.startsWith('PUT')), 'the blob upload never completes');
          },
          { client: { transport: uplink } },
        );
      } finally {
        uplink.close();
      }
      await rm(large.path, { force: true });
    },
  );
});

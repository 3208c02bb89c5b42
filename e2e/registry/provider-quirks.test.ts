import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { MemoryUploadTuningStore } from '../../main/engine/registry/upload-tuning.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import {
  startFakeRegistry,
  type FakeRegistry,
  type FakeRegistryOptions,
} from '../support/fake-registry.js';
import { makeSif, MiB, suiteSif } from './bed.js';
import { withProxyClient } from './fault-helpers.js';

/** Hosted-registry behaviours distribution 2.8 cannot play (oras.md §6), on the fake registry. */
describe('provider quirks (fake registry)', () => {
  const sif = suiteSif('quirks', 'quirks.sif', 6 * MiB + 17);

  async function withFake(
    options: FakeRegistryOptions,
    body: (fake: FakeRegistry, client: RegistryClient) => Promise<void>,
  ): Promise<void> {
    await withProxyClient(await startFakeRegistry(options), body);
  }

  async function pullBack(client: RegistryClient, ref: string, name: string): Promise<void> {
    const out = join(sif.dir, name);
    await pullSif({ client, reference: parseReference(ref), destination: out });
    assert.ok((await readFile(out)).equals(sif.bytes), 'pulled bytes equal the source');
  }

  it('ECR-style 201 answers to PATCH: the chunked push succeeds', async () => {
    await withFake({ patchStatus: 201 }, async (fake, client) => {
      const ref = `${fake.host}/ecr/repo:v1`;
      const result = await pushSif({
        client,
        file: sif.path,
        reference: parseReference(ref),
        chunkSize: 2 * MiB,
      });
      assert.equal(result.blob, 'uploaded');
      const patches = fake.requests.filter((r) => r.method === 'PATCH');
      // 6 MiB + 17 bytes in 2 MiB chunks: the 17 bytes ride with the last chunk (issue #13).
      assert.deepEqual(
        patches.map((r) => r.status),
        [201, 201, 201],
      );
      await pullBack(client, ref, 'ecr.sif');
    });
  });

  it('GHCR-style 4 MiB request cap: the push shrinks its chunks, succeeds, and remembers the cap', async () => {
    await withFake({ maxRequestBytes: 4 * MiB }, async (fake, client) => {
      const tuning = new MemoryUploadTuningStore();
      const ref = `${fake.host}/ghcr/repo:v1`;
      // Default chunk size (128 MiB): the whole 6 MiB file goes in one PATCH until 413 says no.
      const result = await pushSif({
        client,
        file: sif.path,
        reference: parseReference(ref),
        tuning,
      });
      assert.equal(result.layerDigest, sif.digest);
      assert.deepEqual(tuning.get(fake.host), { maxChunk: 4 * MiB });
      const statuses = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
      assert.ok(statuses.includes(413), statuses.join());
      assert.deepEqual(
        statuses.filter((s) => s !== 413),
        [202, 202],
      );
      await pullBack(client, ref, 'ghcr.sif');

      // The next push to this registry starts with 4 MiB chunks: no 413 at all.
      const other = await makeSif(sif.dir, 'quirks-2.sif', 5 * MiB);
      const before = fake.requests.length;
      await pushSif({
        client,
        file: other.path,
        reference: parseReference(`${fake.host}/ghcr/other:v1`),
        tuning,
      });
      const later = fake.requests
        .slice(before)
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.status);
      assert.deepEqual(later, [202, 202]);
    });
  });
});

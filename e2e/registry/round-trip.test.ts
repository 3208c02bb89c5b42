import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from '../../main/engine/registry/media-types.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { buildSifManifest } from '../../main/engine/registry/artifact/sif-manifest.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import {
  bed,
  clientFor,
  MiB,
  sha256,
  skip,
  skopeo,
  skopeoFlags,
  suiteSif,
  uniqueRepo,
  type RegistryName,
} from './bed.js';

describe('push and pull round trip on every bed registry (oras.md §1.2, §1.3)', () => {
  // Two 1 MiB chunks and a bit: the chunked path, not only a single PATCH.
  const sif = suiteSif('round-trip', 'round-trip.sif', 2 * MiB + 12_345);

  for (const name of [
    'open',
    'basic',
    'bearer',
    'tls',
  ] as const satisfies readonly RegistryName[]) {
    it(
      `${name}: pulled bytes are identical; skopeo reads the oci13 manifest field by field`,
      { skip },
      async () => {
        const info = bed!;
        const repo = uniqueRepo(`rt-${name}`);
        const reference = parseReference(`oras://${info[name].host}/${repo}:v1`);
        const client = clientFor(info, name);
        let manifestDigest: string;
        try {
          const pushed = await pushSif({ client, file: sif.path, reference, chunkSize: MiB });
          assert.equal(pushed.blob, 'uploaded');
          assert.equal(pushed.layerDigest, sif.digest);
          assert.equal(pushed.size, sif.bytes.length);
          manifestDigest = pushed.manifestDigest;

          const out = join(sif.dir, `${name}-pulled.sif`);
          const pulled = await pullSif({ client, reference, destination: out });
          assert.equal(pulled.manifestDigest, pushed.manifestDigest);
          assert.equal(pulled.layerDigest, sif.digest);
          assert.ok((await readFile(out)).equals(sif.bytes), 'pulled bytes equal the source');
          assert.ok(!(await readdir(sif.dir)).some((f) => f.endsWith('.partial')));
        } finally {
          client.close();
        }

        // An independent reader: skopeo, with its own HTTP, auth and TLS stack.
        const flags = await skopeoFlags(
          info,
          name,
          name === 'open' ? 'anonymous' : 'tester',
          join(sif.dir, `certs-${name}`),
        );
        const raw = await skopeo([
          'inspect',
          '--raw',
          ...flags,
          `docker://${info[name].host}/${repo}:v1`,
        ]);
        const bytes = Buffer.from(raw.replace(/\n$/, ''));
        assert.equal(sha256(bytes), manifestDigest, 'skopeo read the bytes Sifport stored');
        const m = JSON.parse(raw) as Record<string, unknown> & {
          config: Record<string, unknown>;
          layers: Array<Record<string, unknown> & { annotations: Record<string, string> }>;
        };
        assert.deepEqual(Object.keys(m), ['schemaVersion', 'mediaType', 'config', 'layers']);
        assert.equal(m.schemaVersion, 2);
        assert.equal(m.mediaType, MEDIA_TYPES.ociManifest);
        assert.deepEqual(Object.keys(m.config), ['mediaType', 'size', 'digest']);
        assert.equal(m.config.mediaType, 'application/vnd.sylabs.sif.config.v1+json');
        assert.equal(m.config.size, 2);
        assert.equal(m.config.digest, EMPTY_CONFIG_DIGEST);
        assert.match(String(m.config.digest), /^sha256:44136f/);
        assert.equal(m.layers.length, 1);
        const layer = m.layers[0]!;
        assert.deepEqual(Object.keys(layer), ['mediaType', 'size', 'digest', 'annotations']);
        assert.equal(layer.mediaType, 'application/vnd.sylabs.sif.layer.v1.sif');
        assert.equal(layer.size, sif.bytes.length);
        assert.equal(layer.digest, sif.digest);
        assert.deepEqual(layer.annotations, { 'org.opencontainers.image.title': 'round-trip.sif' });
        // And the registry holds exactly the bytes apptainer 1.3.1–1.5 would have written.
        assert.ok(
          bytes.equals(
            buildSifManifest({
              size: sif.bytes.length,
              digest: sif.digest,
              title: 'round-trip.sif',
            }),
          ),
        );
      },
    );
  }
});

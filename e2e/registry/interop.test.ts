import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { getManifest, putManifest } from '../../main/engine/registry/manifests.js';
import {
  EMPTY_CONFIG,
  EMPTY_CONFIG_DIGEST,
  MEDIA_TYPES,
} from '../../main/engine/registry/media-types.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { uploadBlob, uploadBytes } from '../../main/engine/registry/upload.js';
import type { RegistryClient } from '../../main/engine/registry/client.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import {
  bed,
  clientFor,
  makeSif,
  MiB,
  sha256,
  skip,
  skopeo,
  skopeoFlags,
  suiteSif,
  uniqueRepo,
} from './bed.js';
import { ociIndex, type IndexEntry } from '../kit/index.js';

/** Uploads `{}` and the SIF to `repo` with the engine's blob API (no manifest). */
async function uploadSifBlobs(
  client: RegistryClient,
  repo: string,
  sif: { path: string; bytes: Buffer },
): Promise<void> {
  await uploadBytes(client, repo, EMPTY_CONFIG, EMPTY_CONFIG_DIGEST);
  await uploadBlob({ client, repository: repo, path: sif.path, size: sif.bytes.length });
}

describe('pull of SIF artifacts Sifport did not write (oras.md §1.1, §1.3)', () => {
  const sif = suiteSif('interop', 'source.sif', MiB + 4321);

  it('pulls an artifact that skopeo copied from a hand-made OCI layout', { skip }, async () => {
    const info = bed!;
    // Build the layout by hand: oci-layout, index.json, blobs/sha256/*.
    const layout = join(sif.dir, 'layout');
    await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
    const putBlob = async (bytes: Buffer): Promise<string> => {
      const digest = sha256(bytes);
      await writeFile(join(layout, 'blobs', 'sha256', digest.slice(7)), bytes);
      return digest;
    };
    await putBlob(EMPTY_CONFIG);
    await putBlob(sif.bytes);
    // oras-go style field order (mediaType, digest, size): not what Sifport writes.
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: MEDIA_TYPES.sifConfig, digest: EMPTY_CONFIG_DIGEST, size: 2 },
        layers: [
          {
            mediaType: MEDIA_TYPES.sifLayer,
            digest: sif.digest,
            size: sif.bytes.length,
            annotations: { 'org.opencontainers.image.title': 'from-skopeo.sif' },
          },
        ],
      }),
    );
    const manifestDigest = await putBlob(manifest);
    await writeFile(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    await writeFile(
      join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: manifestDigest,
            size: manifest.length,
            annotations: { 'org.opencontainers.image.ref.name': 'v1' },
          },
        ],
      }),
    );

    const repo = uniqueRepo('skopeo-written');
    const flags = await skopeoFlags(info, 'bearer', 'tester', join(sif.dir, 'certs'), 'dest');
    await skopeo([
      'copy',
      '--preserve-digests',
      ...flags,
      `oci:${layout}:v1`,
      `docker://${info.bearer.host}/${repo}:v1`,
    ]);

    const client = clientFor(info, 'bearer', 'tester');
    try {
      const out = join(sif.dir, 'pulled-skopeo');
      await mkdir(out);
      const result = await pullSif({
        client,
        reference: parseReference(`${info.bearer.host}/${repo}:v1`),
        destination: out,
      });
      assert.equal(
        result.manifestDigest,
        manifestDigest,
        'skopeo stored our layout manifest unchanged',
      );
      assert.equal(result.path, join(out, 'from-skopeo.sif'), 'named after the title annotation');
      assert.ok((await readFile(result.path)).equals(sif.bytes));
    } finally {
      client.close();
    }
  });

  it(
    'pulls an apptainer 1.3.0 Docker v2 manifest and a ≤1.2 manifest without mediaType',
    { skip },
    async () => {
      const info = bed!;
      const repo = uniqueRepo('flavours');
      const client = clientFor(info, 'open');
      try {
        await uploadSifBlobs(client, repo, sif);
        const docker130 = Buffer.from(
          `{"schemaVersion":2,"mediaType":"${MEDIA_TYPES.dockerManifest}",` +
            `"config":{"mediaType":"${MEDIA_TYPES.sifConfig}","size":2,"digest":"${EMPTY_CONFIG_DIGEST}"},` +
            `"layers":[{"mediaType":"${MEDIA_TYPES.sifLayer}","size":${sif.bytes.length},"digest":"${sif.digest}",` +
            `"annotations":{"org.opencontainers.image.title":"d.sif"}}]}`,
        );
        const legacy = Buffer.from(
          `{"schemaVersion":2,"config":{"mediaType":"application/vnd.unknown.config.v1+json",` +
            `"digest":"${EMPTY_CONFIG_DIGEST}","size":2},"layers":[{"mediaType":"${MEDIA_TYPES.sifLayer}",` +
            `"digest":"${sif.digest}","size":${sif.bytes.length},"annotations":{"org.opencontainers.image.title":"l.sif"}}]}`,
        );
        assert.equal(
          await putManifest(client, repo, 'docker130', docker130, MEDIA_TYPES.dockerManifest),
          sha256(docker130),
        );
        assert.equal(
          await putManifest(client, repo, 'legacy', legacy, MEDIA_TYPES.ociManifest),
          sha256(legacy),
        );

        // The registry kept the bytes and answers with the Docker type for the 1.3.0 flavour.
        const stored = await getManifest(client, repo, 'docker130');
        assert.equal(stored.mediaType, MEDIA_TYPES.dockerManifest);
        assert.ok(stored.bytes.equals(docker130));

        for (const tag of ['docker130', 'legacy']) {
          const out = join(sif.dir, `${tag}.sif`);
          const result = await pullSif({
            client,
            reference: parseReference(`${info.open.host}/${repo}:${tag}`),
            destination: out,
          });
          assert.equal(result.layerDigest, sif.digest, tag);
          assert.equal(result.manifestDigest, sha256(tag === 'legacy' ? legacy : docker130));
          assert.ok((await readFile(out)).equals(sif.bytes), tag);
        }
      } finally {
        client.close();
      }
    },
  );

  it('descends into an image index by linux/<arch>', { skip }, async () => {
    const info = bed!;
    const repo = uniqueRepo('index');
    const amd = await makeSif(sif.dir, 'amd64.sif', 300_000);
    const arm = await makeSif(sif.dir, 'arm64.sif', 310_000);
    const client = clientFor(info, 'basic', 'tester');
    try {
      const entries: IndexEntry[] = [];
      for (const [arch, file] of [
        ['amd64', amd],
        ['arm64', arm],
      ] as const) {
        await uploadSifBlobs(client, repo, file);
        const bytes = Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: MEDIA_TYPES.ociManifest,
            config: { mediaType: MEDIA_TYPES.sifConfig, size: 2, digest: EMPTY_CONFIG_DIGEST },
            layers: [
              { mediaType: MEDIA_TYPES.sifLayer, size: file.bytes.length, digest: file.digest },
            ],
          }),
        );
        const digest = await putManifest(
          client,
          repo,
          sha256(bytes),
          bytes,
          MEDIA_TYPES.ociManifest,
        );
        entries.push({ digest, size: bytes.length, architecture: arch });
      }
      const index = ociIndex(entries);
      await putManifest(client, repo, 'multi', index, MEDIA_TYPES.ociIndex);

      const reference = parseReference(`${info.basic.host}/${repo}:multi`);
      for (const [arch, file] of [
        ['arm64', arm],
        ['amd64', amd],
      ] as const) {
        const out = join(sif.dir, `index-${arch}.sif`);
        const result = await pullSif({ client, reference, destination: out, arch });
        assert.equal(result.layerDigest, file.digest, arch);
        assert.equal(result.manifestDigest, entries.find((e) => e.architecture === arch)!.digest);
        assert.ok((await readFile(out)).equals(file.bytes), arch);
      }
      await assert.rejects(
        pullSif({
          client,
          reference,
          destination: join(sif.dir, 'index-s390x.sif'),
          arch: 's390x',
        }),
        (err: unknown) => {
          assert.equal((err as { code?: string }).code, 'NOT_FOUND');
          assert.match((err as Error).message, /linux\/s390x.*linux\/amd64, linux\/arm64/);
          return true;
        },
      );
    } finally {
      client.close();
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MEDIA_TYPES } from '../media-types.js';
import { parseManifest, pickPlatform, sifLayerOf, type ParsedManifest } from './sif-layer.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const CONFIG = `sha256:${'c'.repeat(64)}`;

function bytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function image(parsed: ParsedManifest): Extract<ParsedManifest, { kind: 'image' }> {
  assert.equal(parsed.kind, 'image');
  return parsed as Extract<ParsedManifest, { kind: 'image' }>;
}

const layer = (mediaType: string = MEDIA_TYPES.sifLayer, digest = D1) => ({
  mediaType,
  digest,
  size: 10,
  annotations: { 'org.opencontainers.image.title': 'x.sif' },
});

describe('parseManifest + sifLayerOf (oras.md §1.3)', () => {
  it('accepts every flavour apptainer pushed, whatever the config type', () => {
    const flavours: ReadonlyArray<readonly [string, unknown, string]> = [
      [
        'oci13',
        {
          schemaVersion: 2,
          mediaType: MEDIA_TYPES.ociManifest,
          config: { mediaType: MEDIA_TYPES.sifConfig, size: 2, digest: CONFIG },
          layers: [layer()],
        },
        MEDIA_TYPES.ociManifest,
      ],
      [
        'docker130',
        {
          schemaVersion: 2,
          mediaType: MEDIA_TYPES.dockerManifest,
          config: { mediaType: MEDIA_TYPES.sifConfig, size: 2, digest: CONFIG },
          layers: [layer()],
        },
        MEDIA_TYPES.dockerManifest,
      ],
      [
        'legacy ≤1.2 (no mediaType field)',
        {
          schemaVersion: 2,
          config: { mediaType: 'application/vnd.unknown.config.v1+json', digest: CONFIG, size: 2 },
          layers: [layer()],
        },
        MEDIA_TYPES.ociManifest,
      ],
      [
        'singularity 3.6 misspelt layer type, no config',
        { schemaVersion: 2, layers: [layer(MEDIA_TYPES.sifLayerLegacy)] },
        '',
      ],
    ];
    for (const [name, manifest, contentType] of flavours) {
      const parsed = image(parseManifest(bytes(manifest), contentType));
      const sif = sifLayerOf(parsed);
      assert.equal(sif.digest, D1, name);
      assert.equal(sif.size, 10, name);
    }
  });

  it('recognises an index by media type, by Content-Type, or by shape', () => {
    const entries = [
      {
        mediaType: MEDIA_TYPES.ociManifest,
        digest: D1,
        size: 5,
        platform: { os: 'linux', architecture: 'amd64' },
      },
    ];
    for (const [manifest, contentType] of [
      [{ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: entries }, ''],
      [{ schemaVersion: 2, manifests: entries }, MEDIA_TYPES.dockerManifestList],
      [{ schemaVersion: 2, manifests: entries }, ''],
    ] as const) {
      const parsed = parseManifest(bytes(manifest), contentType);
      assert.equal(parsed.kind, 'index');
      assert.equal(parsed.kind === 'index' && parsed.manifests[0]?.digest, D1);
    }
  });

  it('refuses what is not a SIF artifact with MANIFEST_INVALID and says why', () => {
    const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
      [{ schemaVersion: 2, layers: [] }, /single layer; this one has 0/],
      [{ schemaVersion: 2, layers: [layer(), layer()] }, /single layer; this one has 2/],
      [
        { schemaVersion: 2, layers: [layer('application/vnd.oci.image.layer.v1.tar+gzip')] },
        /not a SIF/,
      ],
      [
        { schemaVersion: 2, layers: [layer(MEDIA_TYPES.sifLayer, `sha512:${'a'.repeat(128)}`)] },
        /only sha256/,
      ],
    ];
    for (const [manifest, why] of cases) {
      assert.throws(
        () => sifLayerOf(image(parseManifest(bytes(manifest), ''))),
        (err: unknown) => {
          assert.equal((err as { code?: string }).code, 'MANIFEST_INVALID');
          assert.match((err as Error).message, why);
          return true;
        },
      );
    }
  });

  it('refuses malformed manifests', () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['not json', /not valid JSON/],
      ['null', /not a JSON object/],
      [JSON.stringify({ schemaVersion: 2 }), /has no layers/],
      [
        JSON.stringify({ layers: [{ mediaType: MEDIA_TYPES.sifLayer, digest: D1 }] }),
        /malformed layers\[0\]/,
      ],
      [
        JSON.stringify({ layers: [{ mediaType: MEDIA_TYPES.sifLayer, digest: D1, size: -1 }] }),
        /invalid size/,
      ],
      [
        JSON.stringify({ layers: [{ mediaType: MEDIA_TYPES.sifLayer, digest: D1, size: 1.5 }] }),
        /invalid size/,
      ],
    ];
    for (const [text, why] of cases) {
      assert.throws(
        () => parseManifest(Buffer.from(text), ''),
        (err: unknown) => {
          assert.equal((err as { code?: string }).code, 'MANIFEST_INVALID', text);
          assert.match((err as Error).message, why);
          return true;
        },
      );
    }
  });
});

describe('pickPlatform (oras.md §1.3 step 2)', () => {
  const manifests = [
    {
      mediaType: MEDIA_TYPES.ociManifest,
      digest: D1,
      size: 1,
      platform: { os: 'linux', architecture: 'amd64' },
    },
    {
      mediaType: MEDIA_TYPES.ociManifest,
      digest: D2,
      size: 1,
      platform: { os: 'linux', architecture: 'arm64' },
    },
    {
      mediaType: MEDIA_TYPES.ociManifest,
      digest: CONFIG,
      size: 1,
      platform: { os: 'windows', architecture: 's390x' },
    },
  ];

  it('picks the linux entry for the architecture', () => {
    assert.equal(pickPlatform(manifests, 'amd64').digest, D1);
    assert.equal(pickPlatform(manifests, 'arm64').digest, D2);
  });

  it('does not pick another OS, and lists what is offered when nothing matches', () => {
    assert.throws(
      () => pickPlatform(manifests, 's390x'),
      (err: unknown) => {
        assert.equal((err as { code?: string }).code, 'NOT_FOUND');
        assert.match(
          (err as Error).message,
          /linux\/s390x.*linux\/amd64, linux\/arm64, windows\/s390x/,
        );
        return true;
      },
    );
  });
});

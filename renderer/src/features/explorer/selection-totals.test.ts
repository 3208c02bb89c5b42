import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TagDetails } from '../../store/domain.js';
import { selectionTotals } from './selection-totals.js';

const image = (tag: string, digest: string, size: number): TagDetails => ({
  tag,
  ok: true,
  kind: 'image',
  digest,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  size,
  isSif: true,
  platforms: [],
});

describe('selectionTotals', () => {
  test('an image counts once however many of its tags are selected; unknown sizes are counted apart', () => {
    const details = {
      a: image('a', 'sha256:1', 100),
      b: image('b', 'sha256:1', 100),
      c: image('c', 'sha256:2', 50),
      d: { tag: 'd', ok: false as const, error: { code: 'NETWORK' as const, message: 'offline' } },
    };
    assert.deepEqual(selectionTotals(['a', 'b', 'c', 'd', 'e'], details), {
      tags: 5,
      digests: 2,
      bytes: 150,
      unknown: 2,
    });
  });
});

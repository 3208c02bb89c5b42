import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TagDetails } from '../../store/domain.js';
import { fitColumns } from './tag-columns.js';
import { knownArches, tagRows, type RowQuery } from './tag-rows.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

function image(tag: string, size: number, daysAgo?: number, platforms: string[] = []): TagDetails {
  return {
    tag,
    ok: true,
    kind: platforms.length ? 'index' : 'image',
    digest: `sha256:${tag.padEnd(64, '0')}`,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size,
    created: daysAgo === undefined ? undefined : new Date(NOW - daysAgo * DAY).toISOString(),
    isSif: true,
    platforms,
  };
}

const TAGS = ['v10', 'v2', 'v1', 'latest'];
const DETAILS: Record<string, TagDetails> = {
  v10: image('v10', 300, 1, ['linux/amd64', 'linux/arm64']),
  v2: image('v2', 100, 40, ['linux/amd64']),
  v1: image('v1', 200, 400),
};
const query = (patch: Partial<RowQuery>): RowQuery => ({
  filter: '',
  sort: { column: 'tag', direction: 'ascending' },
  facets: {},
  ...patch,
});

describe('tagRows', () => {
  test('by tag both ways: descending is ascending reversed, ties in listing order', () => {
    const tags = ['b10', 'B2', 'b2', 'a', 'b1'];
    const up = tagRows(tags, query({}), undefined, NOW).rows;
    const down = tagRows(
      tags,
      query({ sort: { column: 'tag', direction: 'descending' } }),
      undefined,
      NOW,
    ).rows;
    assert.deepEqual(up, ['a', 'b1', 'B2', 'b2', 'b10']);
    assert.deepEqual(down, ['b10', 'B2', 'b2', 'b1', 'a']);
  });

  test('sorts by tag numerically without needing details', () => {
    const r = tagRows(TAGS, query({}), undefined, NOW);
    assert.deepEqual(r.rows, ['latest', 'v1', 'v2', 'v10']);
    assert.equal(r.sortedWith, undefined);
  });

  test('a details column sorts what is known and says how many', () => {
    const r = tagRows(
      TAGS,
      query({ sort: { column: 'size', direction: 'descending' } }),
      DETAILS,
      NOW,
    );
    assert.deepEqual(r.rows, ['v10', 'v1', 'v2', 'latest']);
    assert.equal(r.sortedWith, 3);
  });

  test('filters before sorting; the filter is reported', () => {
    const r = tagRows(TAGS, query({ filter: 'v1*' }), DETAILS, NOW);
    assert.deepEqual(r.rows, ['v1', 'v10']);
    assert.equal(r.filter.kind, 'glob');
  });

  test('facets keep what the details prove and count what they cannot tell', () => {
    const arm = tagRows(TAGS, query({ facets: { arch: 'arm64' } }), DETAILS, NOW);
    assert.deepEqual(arm.rows, ['v10']);
    assert.equal(arm.unknownToFacets, 1, 'latest has no details');
    const old = tagRows(TAGS, query({ facets: { olderThanDays: 30 } }), DETAILS, NOW);
    assert.deepEqual(old.rows, ['v1', 'v2']);
  });

  test('knownArches lists what the loaded manifests name', () => {
    assert.deepEqual(knownArches(DETAILS), ['amd64', 'arm64']);
    assert.deepEqual(knownArches(undefined), []);
  });
});

describe('fitColumns', () => {
  test('a wide pane shows every column the user did not hide', () => {
    const { shown, dropped } = fitColumns(new Set(['signed']), 2000);
    assert.deepEqual(
      shown.map((c) => c.id),
      ['tag', 'digest', 'size', 'created', 'arch'],
    );
    assert.deepEqual(dropped, []);
  });

  test('a narrow pane drops the least useful columns first, never Tag', () => {
    const { shown, dropped } = fitColumns(new Set(), 420);
    assert.deepEqual(
      shown.map((c) => c.id),
      ['tag', 'size', 'created'],
    );
    assert.deepEqual(dropped, ['signed', 'digest', 'arch']);
    assert.deepEqual(
      fitColumns(new Set(), 50).shown.map((c) => c.id),
      ['tag'],
    );
  });
});

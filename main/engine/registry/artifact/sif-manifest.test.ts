import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { goJsonMap, goJsonObject, goJsonString } from './go-json.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST } from '../media-types.js';
import { buildSifManifest } from './sif-manifest.js';
import { UNSIGNED_SIF, sha256 } from '../../../../e2e/kit/index.js';

/** A 5 000 000-byte "small.sif": a real SIF header followed by filler, as in oras.md §1.2. */
function smallSif(): { size: number; digest: string } {
  const header = readFileSync(UNSIGNED_SIF);
  const bytes = Buffer.alloc(5_000_000, 0x5a);
  header.copy(bytes, 0, 0, Math.min(header.length, bytes.length));
  return {
    size: bytes.length,
    digest: sha256(bytes),
  };
}

describe('buildSifManifest (oras.md §1.2)', () => {
  it('matches the 461-byte oci13 example byte for byte', () => {
    const { size, digest } = smallSif();
    assert.equal(size, 5_000_000);
    // The example of oras.md §1.2, joined into one line (the line breaks there are for reading).
    const expected =
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",' +
      '"config":{"mediaType":"application/vnd.sylabs.sif.config.v1+json","size":2,' +
      '"digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"},' +
      '"layers":[{"mediaType":"application/vnd.sylabs.sif.layer.v1.sif","size":5000000,' +
      `"digest":"${digest}","annotations":{"org.opencontainers.image.title":"small.sif"}}]}`;
    const bytes = buildSifManifest({ size, digest, title: 'small.sif' });
    assert.equal(bytes.length, 461);
    assert.equal(expected.length, 461);
    assert.equal(bytes.toString('utf8'), expected);
    // The default style is oci13.
    assert.deepEqual(buildSifManifest({ size, digest, title: 'small.sif', style: 'oci13' }), bytes);
  });

  it('uses the two-byte {} config whose digest is 44136f…', () => {
    assert.equal(EMPTY_CONFIG.toString(), '{}');
    assert.equal(sha256(EMPTY_CONFIG), EMPTY_CONFIG_DIGEST);
  });

  it('escapes <, > and & in the title as Go does', () => {
    const digest = `sha256:${'0'.repeat(64)}`;
    const json = buildSifManifest({ size: 1, digest, title: 'a<b>&c.sif' }).toString();
    assert.ok(
      json.includes('"org.opencontainers.image.title":"a\\u003cb\\u003e\\u0026c.sif"'),
      json,
    );
    assert.equal(
      JSON.parse(json).layers[0].annotations['org.opencontainers.image.title'],
      'a<b>&c.sif',
    );
  });

  it('oci16 adds config data "e30=" and sorted manifest annotations', () => {
    const digest = `sha256:${'1'.repeat(64)}`;
    const json = buildSifManifest({
      size: 10,
      digest,
      title: 'x.sif',
      style: 'oci16',
      created: '2024-01-02T03:04:05Z',
      annotations: { zeta: 'z', alpha: 'a' },
    }).toString();
    assert.equal(
      json,
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",' +
        '"config":{"mediaType":"application/vnd.sylabs.sif.config.v1+json","size":2,' +
        `"digest":"${EMPTY_CONFIG_DIGEST}","data":"e30="},` +
        '"layers":[{"mediaType":"application/vnd.sylabs.sif.layer.v1.sif","size":10,' +
        `"digest":"${digest}","annotations":{"org.opencontainers.image.title":"x.sif"}}],` +
        '"annotations":{"alpha":"a","org.opencontainers.image.created":"2024-01-02T03:04:05Z","zeta":"z"}}',
    );
    assert.equal(Buffer.from('{}').toString('base64'), 'e30=');
  });

  it('oci16 without created or annotations writes no annotations member', () => {
    const json = buildSifManifest({
      size: 3,
      digest: `sha256:${'2'.repeat(64)}`,
      title: 't.sif',
      style: 'oci16',
    }).toString();
    assert.equal(JSON.parse(json).annotations, undefined);
    assert.ok(!json.includes('"annotations":{}'));
  });
});

describe('go-json', () => {
  it('escapes <, >, &, U+2028 and U+2029 like encoding/json and leaves other text alone', () => {
    assert.equal(goJsonString('<>&'), '"\\u003c\\u003e\\u0026"');
    assert.equal(goJsonString('a\u2028b\u2029c'), '"a\\u2028b\\u2029c"');
    assert.equal(goJsonString('héllo "q" \\ /'), '"héllo \\"q\\" \\\\ /"');
    assert.equal(goJsonString('\n\t\u0001'), '"\\n\\t\\u0001"');
  });

  it('writes objects in the given order, skipping undefined members, with no whitespace', () => {
    assert.equal(
      goJsonObject([
        ['b', '1'],
        ['a', undefined],
        ['c', goJsonString('x')],
      ]),
      '{"b":1,"c":"x"}',
    );
    assert.equal(goJsonObject([]), '{}');
  });

  it('writes maps with sorted keys', () => {
    assert.equal(goJsonMap({ b: '2', a: '1', 'a.b': '<' }), '{"a":"1","a.b":"\\u003c","b":"2"}');
    assert.equal(goJsonMap({}), '{}');
  });
});

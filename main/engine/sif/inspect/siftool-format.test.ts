import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

import { MemoryByteSource } from '../format/byte-source.js';
import { loadSif } from '../format/load.js';
import { formatHeader, formatInfo, formatList, readableSize } from './siftool-format.js';
import { FIXTURES, UPSTREAM, hasCommand, memoryFixture } from '../../../../e2e/kit/index.js';

const SIGNED_LIST = `------------------------------------------------------------------------------
ID   |GROUP   |LINK    |SIF POSITION (start-end)  |TYPE
------------------------------------------------------------------------------
1    |1       |NONE    |32176-32309               |Def.FILE
2    |1       |NONE    |32768-36864               |FS (Squashfs/*System/amd64)
3    |NONE    |1   (G) |36864-38089               |Signature (SHA-256)
`;

const SIGNED_INFO_3 = `  Data Type:    Signature
  ID:           3
  Group ID:     NONE
  Linked ID:    1 (G)
  Offset:       36864
  Size:         1225
  Created At:   2023-11-14 22:15:00 +0000 UTC
  Modified At:  2023-11-14 22:15:00 +0000 UTC
  Hash Type:    SHA-256
  Entity:       18F3CCCA90EE7DA00CC0DAAC5ED44E0712BB962A
`;

const hasSiftool = hasCommand('siftool', ['version']);

describe('siftool-style output (spec A10)', () => {
  it('lists signed.sif exactly as siftool does', async () => {
    const image = await loadSif(memoryFixture('signed.sif'));
    assert.equal(formatList(image), SIGNED_LIST);
    assert.equal(formatInfo(image.descriptors[2]!), SIGNED_INFO_3);
    const header = formatHeader(image.header).split('\n');
    assert.deepEqual(header.slice(0, 3), [
      'Launch Script:        #!/usr/bin/env run-singularity',
      'Version:              01',
      'Primary Architecture: amd64',
    ]);
  });

  it('rounds sizes like siftool', () => {
    assert.equal(readableSize(0), '0 B');
    assert.equal(readableSize(1023), '1023 B');
    assert.equal(readableSize(28080), '27 KiB');
    assert.equal(readableSize(5913), '6 KiB');
    assert.equal(readableSize(3 * 1024 * 1024 + 600 * 1024), '4 MiB');
  });

  it(
    'matches `siftool list/header/info` on every fixture and upstream image',
    { skip: !hasSiftool && 'siftool not installed' },
    async () => {
      const files = [
        ...readdirSync(FIXTURES)
          .filter((f) => f.endsWith('.sif'))
          .map((f) => FIXTURES + f),
        ...readdirSync(`${UPSTREAM}images`).map((f) => `${UPSTREAM}images/${f}`),
      ];
      for (const path of files) {
        const image = await loadSif(new MemoryByteSource(new Uint8Array(readFileSync(path))));
        // sif 2.8.3's siftool predates the OCI kinds and prints them as `Unknown` (spec C).
        const legacyNames = (text: string) =>
          text.replace(/OCI\.(RootIndex|Blob)/g, 'Unknown').replace(/ {2}Digest: .*\n/, '');
        assert.equal(
          legacyNames(formatList(image)),
          execFileSync('siftool', ['list', path], { encoding: 'utf8' }),
          path,
        );
        assert.equal(
          formatHeader(image.header),
          execFileSync('siftool', ['header', path], { encoding: 'utf8' }),
          path,
        );
        for (const d of image.descriptors) {
          const theirs = execFileSync('siftool', ['info', String(d.id), path], {
            encoding: 'utf8',
          });
          assert.equal(legacyNames(formatInfo(d)), theirs, `${path} ${d.id}`);
        }
      }
    },
  );
});

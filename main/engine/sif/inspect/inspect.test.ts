import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MemoryByteSource } from '../format/byte-source.js';
import { DataType } from '../format/codes.js';
import { createEmptySif } from '../format/create.js';
import { inspectImage, inspectSif } from './inspect.js';
import { parseInspectMetadata } from './inspect-metadata.js';
import { loadSif } from '../format/load.js';
import {
  IMAGE_TIME,
  TEST_FINGERPRINT,
  fixtureText,
  memoryFixture,
  memoryUpstream,
} from '../../../../e2e/kit/index.js';
import { appendObject } from '../format/write.js';

describe('inspectSif (spec A9)', () => {
  it('reads deffile, labels and help from inspect-metadata.json', async () => {
    const report = await inspectSif(memoryFixture('signed-with-json.sif'));
    assert.equal(report.metadataSource, 'inspect-metadata');
    assert.equal(report.deffile, fixtureText('test.def'));
    assert.deepEqual(report.metadata.labels, { Author: 'sifpeer fixtures' });
    assert.equal(
      report.metadata.helpfile,
      'A tiny image made by make-fixtures.sh for interoperability tests.\n',
    );
    assert.equal(report.primaryArch, 'amd64');
    assert.equal(report.encrypted, false);
    assert.deepEqual(
      report.objects.map((o) => o.typeLabel),
      ['Def.FILE', 'JSON.Generic', 'FS (Squashfs/*System/amd64)', 'Signature (SHA-256)'],
    );
    assert.deepEqual(report.signatures, [
      {
        id: 4,
        format: 'pgp',
        hashType: 'SHA-256',
        fingerprint: TEST_FINGERPRINT,
        linkedId: 1,
        linkedIsGroup: true,
      },
    ]);
  });

  it('falls back to the squashfs when there is no metadata object', async () => {
    const report = await inspectSif(memoryFixture('signed.sif'));
    assert.equal(report.metadataSource, 'squashfs');
    assert.deepEqual(report.metadata.labels, { 'org.label-schema.schema-version': '1.0' });
    assert.equal(report.metadata.runscript, undefined);
    assert.deepEqual(report.unavailable, []);
  });

  it('reads JSON.Labels and Env.Vars objects of old images', async () => {
    const target = new MemoryByteSource(createEmptySif({ time: IMAGE_TIME }));
    let image = await loadSif(target);
    const add = async (dataType: number, text: string) =>
      ({ image } = await appendObject(
        target,
        image,
        { dataType, data: new TextEncoder().encode(text), groupId: 1, link: 0 },
        IMAGE_TIME,
      ));
    await add(DataType.labels, '{"Maintainer":"someone","version":2}');
    await add(DataType.envVars, 'export A=1\n');
    const report = await inspectImage(image);
    assert.equal(report.metadataSource, 'sif-objects');
    assert.deepEqual(report.metadata.labels, { Maintainer: 'someone', version: '2' });
    assert.deepEqual(report.metadata.environment, { 'Env.Vars': 'export A=1\n' });
    assert.match(report.unavailable[0] ?? '', /no primary system partition/);
  });

  it('classifies legacy and DSSE signatures, and lists non-squashfs partitions', async () => {
    const legacy = await inspectSif(memoryFixture('signed-legacy.sif'));
    assert.equal(legacy.signatures[0]?.format, 'legacy');
    const dsse = await inspectSif(memoryUpstream('two-groups-signed-dsse.sif'));
    assert.deepEqual(
      dsse.signatures.map((s) => [s.format, s.fingerprint]),
      [
        ['dsse', undefined],
        ['dsse', undefined],
      ],
    );
    assert.deepEqual(
      dsse.partitions.map((p) => [p.id, p.fsTypeName, p.partTypeName, p.arch, p.primary]),
      [
        [1, 'Raw', 'System', '386', false],
        [2, 'Squashfs', '*System', '386', true],
        [3, 'Ext3', 'System', 'amd64', false],
      ],
    );
    assert.equal(dsse.primaryArch, '386');
  });

  it('parses both metadata layouts and drops mistyped fields', () => {
    const bare = parseInspectMetadata(
      '{"attributes":{"runscript":"r","labels":{"a":"b"},"apps":{"x":{"test":"t"}}}}',
    );
    assert.deepEqual(bare, { labels: { a: 'b' }, runscript: 'r', apps: { x: { test: 't' } } });
    const wrapped = parseInspectMetadata(
      '{"data":{"attributes":{"test":"t","helpfile":7}},"type":"container"}',
    );
    assert.deepEqual(wrapped, { test: 't' });
    assert.equal(parseInspectMetadata('[1]'), undefined);
    assert.equal(parseInspectMetadata('{'), undefined);
    const proto = parseInspectMetadata('{"attributes":{"labels":{"__proto__":"x"}}}');
    assert.equal(Object.getPrototypeOf(proto?.labels), Object.prototype);
    assert.equal(proto?.labels?.['__proto__'], 'x');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MemoryByteSource } from './byte-source.js';
import { DataType, FsType } from './codes.js';
import { createEmptySif } from './create.js';
import { DescriptorField, EXTRA_LENGTH, PARTITION_ALIGNMENT, UNSET_TIME, view } from './layout.js';
import { loadSif } from './load.js';
import { readObject } from './objects.js';
import { removeSignatures } from '../integrity/remove-signatures.js';
import { IMAGE_TIME, fixture, memoryFixture, memoryUpstream } from '../../../../e2e/kit/index.js';
import { appendObject, removeObject } from './write.js';

const REBUILDABLE = [
  'empty.sif',
  'empty-id.sif',
  'empty-launch-script.sif',
  'one-object-time.sif',
  'one-object-generic-json.sif',
  'one-object-crypt-message.sif',
  'one-object-sbom.sif',
  'one-object-oci-blob.sif',
  'one-object-oci-root-index.sif',
  'one-group.sif',
  'two-groups.sif',
];

describe('createEmptySif + appendObject (spec A1, A8)', () => {
  for (const name of REBUILDABLE) {
    it(`rebuilds upstream ${name} byte for byte`, async () => {
      const original = memoryUpstream(name);
      const image = await loadSif(original);
      const h = image.header;
      const nil = /^[0-]+$/.test(h.id);
      const target = new MemoryByteSource(
        createEmptySif({
          launchScript: h.launchScript,
          deterministic: true,
          ...(nil ? {} : { id: h.id }),
          time: h.createdAt,
          capacity: h.descriptorsTotal,
        }),
      );
      let current = await loadSif(target);
      for (const d of image.descriptors) {
        const raw = view(d.raw);
        ({ image: current } = await appendObject(
          target,
          current,
          {
            dataType: d.dataType,
            data: await readObject(original, d),
            groupId: d.groupId,
            link: raw.getUint32(DescriptorField.link, true),
            name: d.name,
            extra: d.raw.subarray(DescriptorField.extra),
            alignment: d.dataType === DataType.partition ? PARTITION_ALIGNMENT : 1,
          },
          d.createdAt,
        ));
      }
      assert.deepEqual(target.bytes(), original.bytes());
    });
  }

  it('creates deterministic images with the zero time and nil UUID', async () => {
    const image = await loadSif(new MemoryByteSource(createEmptySif({ deterministic: true })));
    assert.equal(image.header.createdAt, UNSET_TIME);
    assert.equal(image.header.id, '00000000-0000-0000-0000-000000000000');
  });

  it('sets the header architecture when a primary partition is added', async () => {
    const target = new MemoryByteSource(createEmptySif({ time: IMAGE_TIME }));
    const extra = new Uint8Array(EXTRA_LENGTH);
    const ev = view(extra);
    ev.setInt32(0, FsType.squashfs, true);
    ev.setInt32(4, 2, true);
    extra.set([0x30, 0x34, 0x00], 8);
    const { image } = await appendObject(
      target,
      await loadSif(target),
      {
        dataType: DataType.partition,
        data: new Uint8Array(10),
        groupId: 1,
        link: 0,
        extra,
        alignment: 4096,
      },
      IMAGE_TIME,
    );
    assert.equal(image.header.arch, 'arm64');
    assert.equal(image.descriptors[0]?.offset, 32768);
    const removed = await removeObject(target, image, 1, { time: IMAGE_TIME });
    assert.equal(removed.header.arch, 'unknown');
    assert.equal(target.size, 32176);
  });

  it('refuses to add to a full table', async () => {
    const target = new MemoryByteSource(createEmptySif({ capacity: 1 }));
    const add = async () =>
      appendObject(
        target,
        await loadSif(target),
        { dataType: DataType.generic, data: new Uint8Array(1), groupId: 1, link: 0 },
        0,
      );
    await add();
    await assert.rejects(add(), { code: 'SIF_FULL' });
  });
});

describe('removeObject (spec A8)', () => {
  it('removing the signature of signed.sif gives back unsigned.sif exactly', async () => {
    const target = memoryFixture('signed.sif');
    assert.deepEqual(
      await removeSignatures(target, { now: () => new Date(IMAGE_TIME * 1000) }),
      [3],
    );
    assert.deepEqual(target.bytes(), fixture('unsigned.sif'));
  });

  it('frees a non-last object without moving any data', async () => {
    const target = memoryFixture('unsigned.sif');
    const before = target.bytes();
    const image = await removeObject(target, await loadSif(target), 1, { time: IMAGE_TIME });
    assert.deepEqual(
      image.descriptors.map((d) => d.id),
      [2],
    );
    assert.equal(image.firstFreeSlot, 0);
    assert.equal(target.size, before.length);
    assert.deepEqual(target.bytes().subarray(32176, 32309), before.subarray(32176, 32309));
    const zeroed = memoryFixture('unsigned.sif');
    await removeObject(zeroed, await loadSif(zeroed), 1, { time: IMAGE_TIME, zero: true });
    assert.ok(
      zeroed
        .bytes()
        .subarray(32176, 32309)
        .every((b) => b === 0),
    );
  });

  it('only removes signatures when asked to remove signatures', async () => {
    await assert.rejects(removeSignatures(memoryFixture('signed.sif'), { ids: [1] }), {
      code: 'USAGE',
    });
    await assert.rejects(removeSignatures(memoryFixture('signed.sif'), { ids: [9] }), {
      code: 'OBJECT_NOT_FOUND',
    });
  });
});

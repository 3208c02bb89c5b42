import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MemoryByteSource, readExact } from './byte-source.js';
import { SifError, isSifError, sifErrorToInfo } from './errors.js';
import { isSif, readSifHeader } from './header.js';
import { DESCRIPTOR_SIZE, DescriptorField, HeaderField, view, writeInt64 } from './layout.js';
import { loadSif } from './load.js';
import { fixture, fixtureText, memoryFixture, memoryUpstream } from '../../../../e2e/kit/index.js';

interface ListJson {
  fileSize: number;
  header: Record<string, string | number>;
  descriptors: Record<string, unknown>[];
}

async function rejects(bytes: Uint8Array, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(loadSif(new MemoryByteSource(bytes)), (error: unknown) => {
    assert.ok(isSifError(error), `expected a SifError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

function patched(name: string, edit: (bytes: Uint8Array, data: DataView) => void): Uint8Array {
  const bytes = fixture(name);
  edit(bytes, view(bytes));
  return bytes;
}

describe('readSifHeader / isSif (spec A2)', () => {
  it('reads the fixture header and primary architecture', async () => {
    const header = await readSifHeader(memoryFixture('signed.sif'));
    const expected = (JSON.parse(fixtureText('signed.list.json')) as ListJson).header;
    assert.equal(header.launchScript, expected.launchScript);
    assert.equal(header.arch, 'amd64');
    assert.equal(header.archCode, '02');
    assert.equal(header.id, expected.id);
    for (const key of [
      'createdAt',
      'modifiedAt',
      'descriptorsFree',
      'descriptorsTotal',
      'descriptorsOffset',
      'descriptorsSize',
      'dataOffset',
      'dataSize',
    ] as const) {
      assert.equal(header[key], expected[key], key);
    }
  });

  it('tells SIF from non-SIF cheaply', async () => {
    assert.equal(await isSif(memoryFixture('unsigned.sif')), true);
    assert.equal(await isSif(new MemoryByteSource(fixture('rootfs.squashfs'))), false);
    assert.equal(await isSif(new MemoryByteSource(new Uint8Array(10))), false);
  });

  it('refuses non-SIF data with NOT_A_SIF', async () => {
    await rejects(fixture('rootfs.squashfs'), 'NOT_A_SIF', /SIF_MAGIC/);
    await rejects(new Uint8Array(50), 'NOT_A_SIF', /shorter than a SIF header/);
  });

  it('refuses other versions with SIF_UNSUPPORTED_VERSION', async () => {
    const bytes = patched('unsigned.sif', (b) => b.set([0x30, 0x32], HeaderField.version));
    await rejects(bytes, 'SIF_UNSUPPORTED_VERSION', /version "02"/);
  });
});

describe('loadSif (spec A3, A7)', () => {
  for (const name of [
    'unsigned',
    'signed',
    'signed-with-json',
    'signed-legacy',
    'signed-legacy-group',
  ]) {
    it(`decodes every descriptor field of ${name}.sif like the reference peer`, async () => {
      const expected = JSON.parse(fixtureText(`${name}.list.json`)) as ListJson;
      const image = await loadSif(memoryFixture(`${name}.sif`));
      assert.equal(image.source.size, expected.fileSize);
      assert.equal(image.descriptors.length, expected.descriptors.length);
      for (const [i, want] of expected.descriptors.entries()) {
        const got = image.descriptors[i];
        assert.ok(got);
        for (const key of [
          'id',
          'dataType',
          'dataTypeName',
          'groupId',
          'linkedId',
          'linkedIsGroup',
          'offset',
          'size',
          'sizeWithPadding',
          'createdAt',
          'modifiedAt',
          'name',
        ] as const) {
          assert.equal(got[key], want[key], `${name} object ${got.id} ${key}`);
        }
        const partition = want.partition as Record<string, unknown> | undefined;
        if (partition) {
          assert.equal(got.details.kind, 'partition');
          if (got.details.kind === 'partition') {
            assert.equal(got.details.fsTypeName, partition.fsTypeName);
            assert.equal(got.details.partTypeName, partition.partTypeName);
            assert.equal(got.details.arch, partition.arch);
          }
        }
        const signature = want.signature as Record<string, unknown> | undefined;
        if (signature && got.details.kind === 'signature') {
          assert.equal(got.details.hashTypeName, signature.hashName);
          assert.equal(got.details.fingerprint, signature.fingerprint);
        }
      }
    });
  }

  it('decodes crypto message, SBOM and OCI extras (spec A4)', async () => {
    const crypt = await loadSif(memoryUpstream('one-object-crypt-message.sif'));
    assert.deepEqual(crypt.descriptors[0]?.details, {
      kind: 'crypto-message',
      formatType: 1,
      formatName: 'OpenPGP',
      messageType: 0x100,
      messageName: 'Clear Signature',
    });
    const sbom = await loadSif(memoryUpstream('one-object-sbom.sif'));
    assert.deepEqual(sbom.descriptors[0]?.details, {
      kind: 'sbom',
      format: 1,
      formatName: 'cyclonedx-json',
    });
    const blob = await loadSif(memoryUpstream('one-object-oci-blob.sif'));
    const details = blob.descriptors[0]?.details;
    assert.equal(details?.kind, 'oci');
    assert.match(details?.kind === 'oci' ? details.digest : '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(blob.descriptors[0]?.dataTypeName, 'OCI.Blob');
  });

  it('loads empty upstream images', async () => {
    const image = await loadSif(memoryUpstream('empty.sif'));
    assert.equal(image.descriptors.length, 0);
    assert.equal(image.firstFreeSlot, 0);
    assert.equal(image.header.arch, 'unknown');
  });

  it('refuses a truncated file', async () => {
    await rejects(
      fixture('signed.sif').subarray(0, 37000),
      'SIF_MALFORMED',
      /object 3 .* past the end of the file/,
    );
    await rejects(
      fixture('signed.sif').subarray(0, 5000),
      'SIF_MALFORMED',
      /descriptor table .* past the end/,
    );
  });

  it('refuses header offsets and sizes that point past the end of the file, naming the field', async () => {
    const size = fixture('unsigned.sif').length;
    const cases = [
      [HeaderField.dataOffset, 10 ** 12, /data offset 1000000000000 .* past the end of the file/],
      [HeaderField.dataSize, 10 ** 12, /data size 1000000000000 .* past the end of the file/],
      [HeaderField.dataOffset, size, /data size .* past the end of the file/],
      [HeaderField.descriptorsOffset, 10 ** 12, /descriptor table offset .* past the end/],
      [
        HeaderField.descriptorsSize,
        10 ** 12,
        /descriptor table size 1000000000000 .* past the end/,
      ],
    ] as const;
    for (const [field, value, pattern] of cases) {
      const bytes = patched('unsigned.sif', (_b, d) => writeInt64(d, field, value));
      await rejects(bytes, 'SIF_MALFORMED', pattern);
    }
  });

  it('names the descriptor field whose object lies past the end', async () => {
    const slot1 = 4096 + DESCRIPTOR_SIZE;
    await rejects(
      patched('unsigned.sif', (_b, d) => writeInt64(d, slot1 + DescriptorField.size, 10 ** 12)),
      'SIF_MALFORMED',
      /object 2 .*offset \d+ \+ size 1000000000000.* past the end/,
    );
  });

  it('refuses a huge descriptor count without allocating for it', async () => {
    const bytes = patched('unsigned.sif', (_b, d) => {
      writeInt64(d, HeaderField.descriptorsTotal, 2 ** 40);
      writeInt64(d, HeaderField.descriptorsSize, 2 ** 40 * DESCRIPTOR_SIZE);
    });
    await rejects(bytes, 'SIF_MALFORMED', /at most 65536 are supported/);
    const negative = patched('unsigned.sif', (_b, d) =>
      d.setBigInt64(HeaderField.descriptorsTotal, -1n, true),
    );
    await rejects(negative, 'SIF_MALFORMED', /impossible value -1/);
  });

  it('refuses a table size that does not fit the count', async () => {
    const bytes = patched('unsigned.sif', (_b, d) =>
      writeInt64(d, HeaderField.descriptorsSize, 100),
    );
    await rejects(bytes, 'SIF_MALFORMED', /too small for 48 descriptors/);
  });

  it('refuses objects past the end, overlapping, or over the table', async () => {
    const slot1 = 4096 + DESCRIPTOR_SIZE;
    await rejects(
      patched('unsigned.sif', (_b, d) => writeInt64(d, slot1 + DescriptorField.offset, 2 ** 50)),
      'SIF_MALFORMED',
      /object 2 .* past the end/,
    );
    await rejects(
      patched('unsigned.sif', (_b, d) => writeInt64(d, slot1 + DescriptorField.offset, 32200)),
      'SIF_MALFORMED',
      /objects 1 and 2 overlap/,
    );
    await rejects(
      patched('unsigned.sif', (_b, d) => writeInt64(d, slot1 + DescriptorField.offset, 4200)),
      'SIF_MALFORMED',
      /overlaps the header or the descriptor table/,
    );
  });

  it('refuses duplicate and zero object IDs', async () => {
    const slot1 = 4096 + DESCRIPTOR_SIZE;
    await rejects(
      patched('unsigned.sif', (_b, d) => d.setUint32(slot1 + DescriptorField.id, 1, true)),
      'SIF_MALFORMED',
      /object ID 1 appears twice/,
    );
    await rejects(
      patched('unsigned.sif', (_b, d) => d.setUint32(slot1 + DescriptorField.id, 0, true)),
      'SIF_MALFORMED',
      /object ID 0/,
    );
  });

  it('readExact refuses ranges outside the source', async () => {
    const source = new MemoryByteSource(new Uint8Array(10));
    assert.deepEqual(await readExact(source, 2, 3, 'x'), new Uint8Array(3));
    await assert.rejects(
      readExact(source, 8, 3, 'thing'),
      /thing \(bytes 8-11\) lies past the end/,
    );
    await assert.rejects(readExact(source, -1, 3, 'thing'), /invalid range/);
  });

  it('maps fine error codes onto the shared ones', () => {
    const info = sifErrorToInfo(new SifError('SIF_MALFORMED', 'Malformed SIF: x', { id: 2 }));
    assert.deepEqual(info, {
      code: 'NOT_A_SIF',
      message: 'Malformed SIF: x',
      retryable: false,
      detail: { sifCode: 'SIF_MALFORMED', id: 2 },
    });
    assert.equal(sifErrorToInfo(new SifError('PASSPHRASE_WRONG', 'p')).code, 'KEY_INVALID');
    assert.equal(sifErrorToInfo(new SifError('IO_ERROR', 'io')).retryable, true);
  });
});

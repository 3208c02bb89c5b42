import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { MemoryByteSource } from '../format/byte-source.js';
import { DataType, FsType, PartType } from '../format/codes.js';
import { createEmptySif } from '../format/create.js';
import { inspectImage } from './inspect.js';
import { EXTRA_LENGTH, PARTITION_ALIGNMENT, view } from '../format/layout.js';
import { loadSif } from '../format/load.js';
import type { SifImage } from '../format/load.js';
import { Squashfs } from './squashfs.js';
import { IMAGE_TIME, fixture, hasCommand } from '../../../../e2e/kit/index.js';
import { appendObject } from '../format/write.js';

const hasMksquashfs = hasCommand('mksquashfs', ['-version']);

/** Deterministic bytes that do not compress (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Wraps a squashfs in a new SIF as its primary partition (like `apptainer build`, spec A9). */
async function sifWithPartition(
  squashfs: Uint8Array,
  fsType: number = FsType.squashfs,
  deffileObject = true,
): Promise<SifImage> {
  const target = new MemoryByteSource(
    createEmptySif({ time: IMAGE_TIME, launchScript: '#!/usr/bin/env run-singularity\n' }),
  );
  let image = await loadSif(target);
  if (deffileObject) {
    ({ image } = await appendObject(
      target,
      image,
      {
        dataType: DataType.deffile,
        data: new TextEncoder().encode('Bootstrap: scratch\n'),
        groupId: 1,
        link: 0,
      },
      IMAGE_TIME,
    ));
  }
  const extra = new Uint8Array(EXTRA_LENGTH);
  view(extra).setInt32(0, fsType, true);
  view(extra).setInt32(4, PartType.primarySystem, true);
  extra.set([0x30, 0x32, 0x00], 8);
  ({ image } = await appendObject(
    target,
    image,
    {
      dataType: DataType.partition,
      data: squashfs,
      groupId: 1,
      link: 0,
      extra,
      alignment: PARTITION_ALIGNMENT,
    },
    IMAGE_TIME,
  ));
  return image;
}

describe(
  'squashfs reader and inspect of older images (spec A9)',
  { skip: !hasMksquashfs && 'mksquashfs not installed' },
  () => {
    let work = '';
    const big = noise(300_000, 7);
    const build = (name: string, args: string[]): Uint8Array => {
      const out = join(work, `${name}.squashfs`);
      execFileSync(
        'mksquashfs',
        [
          join(work, 'root'),
          out,
          '-noappend',
          '-all-root',
          '-no-xattrs',
          '-quiet',
          '-no-progress',
          ...args,
        ],
        { stdio: 'ignore' },
      );
      return new Uint8Array(readFileSync(out));
    };

    before(() => {
      work = mkdtempSync(join(tmpdir(), 'sifport-squashfs-'));
      const meta = join(work, 'root/.singularity.d');
      mkdirSync(join(meta, 'env'), { recursive: true });
      writeFileSync(
        join(meta, 'labels.json'),
        '{"Author":"tests","org.label-schema.schema-version":"1.0"}',
      );
      writeFileSync(join(meta, 'runscript'), '#!/bin/sh\nexec echo hello "$@"\n');
      chmodSync(join(meta, 'runscript'), 0o755);
      writeFileSync(join(meta, 'test'), '#!/bin/sh\ntrue\n');
      writeFileSync(join(meta, 'runscript.help'), 'Says hello.\n');
      writeFileSync(join(meta, 'env/90-environment.sh'), 'export GREETING=hello\n');
      writeFileSync(join(meta, 'Singularity'), 'Bootstrap: docker\nFrom: alpine\n');
      symlinkSync('.singularity.d/runscript', join(work, 'root/singularity'));
      symlinkSync('../runscript', join(meta, 'env/link-to-runscript'));
      writeFileSync(join(work, 'root/big.bin'), big);
      mkdirSync(join(work, 'root/many'));
      for (let i = 0; i < 1500; i += 1) {
        writeFileSync(
          join(work, `root/many/file-with-a-long-name-${String(i).padStart(5, '0')}.txt`),
          `${i}\n`,
        );
      }
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    const variants: [string, string[]][] = [
      ['gzip', ['-comp', 'gzip']],
      ['gzip, no fragments, 4K blocks', ['-comp', 'gzip', '-no-fragments', '-b', '4096']],
      ['uncompressed', ['-noI', '-noD', '-noF', '-noX']],
      ['xz, stored uncompressed', ['-comp', 'xz', '-noI', '-noD', '-noF', '-noX']],
    ];
    for (const [label, args] of variants) {
      it(`reads files, symlinks, big files and large directories (${label})`, async () => {
        const squashfs = build(label.replace(/\W+/g, '-'), args);
        const fs = await Squashfs.open(new MemoryByteSource(squashfs), {
          offset: 0,
          size: squashfs.length,
        });
        const text = async (path: string) =>
          new TextDecoder().decode((await fs.readFile(path, 1 << 20)) ?? new Uint8Array());
        assert.equal(await text('/.singularity.d/runscript'), '#!/bin/sh\nexec echo hello "$@"\n');
        assert.equal(await text('/singularity'), '#!/bin/sh\nexec echo hello "$@"\n');
        assert.equal(
          await text('/.singularity.d/env/link-to-runscript'),
          '#!/bin/sh\nexec echo hello "$@"\n',
        );
        assert.deepEqual(await fs.readFile('/big.bin', 1 << 20), big);
        assert.equal(await text('/many/file-with-a-long-name-01234.txt'), '1234\n');
        assert.equal(await fs.readFile('/many/missing', 100), undefined);
        assert.equal(await fs.readFile('/.singularity.d', 100), undefined);
        await assert.rejects(fs.readFile('/big.bin', 1000), { code: 'SIF_MALFORMED' });
      });
    }

    it('inspects an image without inspect-metadata.json from its squashfs', async () => {
      const report = await inspectImage(await sifWithPartition(build('inspect', [])));
      assert.equal(report.metadataSource, 'squashfs');
      assert.deepEqual(report.metadata.labels, {
        Author: 'tests',
        'org.label-schema.schema-version': '1.0',
      });
      assert.deepEqual(report.metadata.environment, {
        '90-environment.sh': 'export GREETING=hello\n',
      });
      assert.equal(report.metadata.runscript, '#!/bin/sh\nexec echo hello "$@"\n');
      assert.equal(report.metadata.test, '#!/bin/sh\ntrue\n');
      assert.equal(report.metadata.helpfile, 'Says hello.\n');
      assert.equal(report.deffile, 'Bootstrap: scratch\n');
      assert.deepEqual(report.unavailable, []);
    });

    it('finds the definition file in the squashfs when there is no Def.FILE object', async () => {
      const report = await inspectImage(
        await sifWithPartition(build('no-deffile-object', []), FsType.squashfs, false),
      );
      assert.equal(report.deffile, 'Bootstrap: docker\nFrom: alpine\n');
      assert.equal(report.version, '01');
    });

    it('explains what it cannot read: other compressors, encryption', async () => {
      const xz = await inspectImage(await sifWithPartition(build('xz', ['-comp', 'xz'])));
      assert.match(xz.unavailable[0] ?? '', /compressed with xz; only gzip squashfs can be read/);
      const encrypted = await inspectImage(
        await sifWithPartition(fixture('rootfs.squashfs'), FsType.encryptedSquashfs),
      );
      assert.equal(encrypted.encrypted, true);
      assert.equal(encrypted.partitions[0]?.fsTypeName, 'Encrypted squashfs');
      assert.match(encrypted.unavailable[0] ?? '', /is encrypted/);
    });
  },
);

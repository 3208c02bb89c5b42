import { execFile } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const GO_ARCH_CODE: Readonly<Record<string, string>> = {
  x64: '2',
  arm64: '4',
  ppc64: '6',
  s390x: '11',
};

/**
 * Writes `size` incompressible pseudo-random bytes to `path`: an AES-128-CTR keystream under a
 * random key (the kernel's /dev/urandom manages ~150 MB/s here; this runs at GB/s).
 */
export async function writeRandomFile(path: string, size: number): Promise<void> {
  const cipher = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
  const zeros = Buffer.alloc(16 * 1024 * 1024);
  const handle = await open(path, 'w');
  try {
    for (let done = 0; done < size;) {
      const block = cipher.update(zeros.subarray(0, Math.min(zeros.length, size - done)));
      await handle.write(block, 0, block.length, done);
      done += block.length;
    }
  } finally {
    await handle.close();
  }
}

/** What {@link createBenchSif} made. */
export interface BenchSif {
  readonly path: string;
  readonly size: number;
}

/** The kind of partition {@link createBenchSif} adds. */
export interface BenchPartition {
  /**
   * `data` (default): parttype 3 Data, named `payload.bin`, for the transfer benches; `rootfs`:
   * parttype 2 System in object group 1, as `apptainer build` makes, for sign and verify.
   */
  readonly kind?: 'data' | 'rootfs';
}

/**
 * Builds a real SIF with siftool: `siftool new` (global header + descriptor table), then
 * `siftool add` of `dataSize` random bytes as one partition (datatype 4 Partition, partfs 4
 * Raw; see {@link BenchPartition}). The file starts with a valid SIF header, so Sifport's SIF
 * checks accept it; the random payload makes any compression or dedup along the way useless.
 */
export async function createBenchSif(
  dir: string,
  dataSize: number,
  { kind = 'data' }: BenchPartition = {},
): Promise<BenchSif> {
  const data = join(dir, kind === 'data' ? 'payload.bin' : 'rootfs.bin');
  const path = join(dir, 'bench.sif');
  const layout =
    kind === 'data'
      ? ['--parttype', '3', '--partarch', GO_ARCH_CODE[process.arch] ?? '2']
      : ['--parttype', '2', '--partarch', '2', '--groupid', '1'];
  await writeRandomFile(data, dataSize);
  try {
    await run('siftool', ['new', path]);
    await run('siftool', [
      'add',
      path,
      data,
      '--datatype',
      '4',
      '--partfs',
      '4',
      ...layout,
      ...(kind === 'data' ? ['--filename', 'payload.bin'] : []),
    ]);
  } finally {
    await rm(data, { force: true });
  }
  return { path, size: (await stat(path)).size };
}

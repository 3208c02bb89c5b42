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

/** How {@link createBenchSif} adds its partition. */
export interface BenchSifOptions {
  /** Add it as the primary system partition in object group 1, as `apptainer build` does. */
  readonly likeBuild?: boolean;
}

/**
 * Builds a real SIF with siftool: `siftool new` (global header + descriptor table), then
 * `siftool add` of `dataSize` random bytes as one data partition (datatype 4 Partition, parttype
 * 3 Data, partfs 4 Raw; with `likeBuild`, parttype 2 primary System in group 1, which signing
 * needs). The file starts with a valid SIF header, so Sifport's SIF checks accept it; the random
 * payload makes any compression or dedup along the way useless.
 */
export async function createBenchSif(
  dir: string,
  dataSize: number,
  options: BenchSifOptions = {},
): Promise<BenchSif> {
  const data = join(dir, 'payload.bin');
  const path = join(dir, 'bench.sif');
  await writeRandomFile(data, dataSize);
  try {
    await run('siftool', ['new', path]);
    await run('siftool', [
      'add',
      path,
      data,
      '--datatype',
      '4',
      '--parttype',
      options.likeBuild ? '2' : '3',
      '--partfs',
      '4',
      '--partarch',
      GO_ARCH_CODE[process.arch] ?? '2',
      '--filename',
      'payload.bin',
      ...(options.likeBuild ? ['--groupid', '1'] : []),
    ]);
  } finally {
    await rm(data, { force: true });
  }
  return { path, size: (await stat(path)).size };
}

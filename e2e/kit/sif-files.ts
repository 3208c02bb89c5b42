import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { UNSIGNED_SIF } from './fixtures.js';
import { suiteResource } from './suite-resource.js';

/** Bytes in a mebibyte, for the sizes tests choose. */
export const MiB = 1024 * 1024;

/** `sha256:<hex>` of some bytes: the digest a registry names a blob or manifest by. */
export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A SIF file a test made: where it is, what it holds, and its digest. */
export interface SifFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly digest: string;
}

/**
 * Writes `name` in `dir`: the unsigned fixture followed by random bytes up to `size` (the
 * fixture alone when `size` is smaller). A real SIF header, so pushes accept it, and bytes no
 * other test shares, so no registry already has the blob.
 */
export async function makeSif(dir: string, name: string, size: number): Promise<SifFile> {
  const fixture = await readFile(UNSIGNED_SIF);
  const bytes =
    size <= fixture.length ? fixture : Buffer.concat([fixture, randomBytes(size - fixture.length)]);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes, digest: sha256(bytes) };
}

/** A suite's SIF (see {@link makeSif}) and the temporary directory it is in. */
export interface SuiteSif extends SifFile {
  /** The directory, also free for the suite's other files. */
  readonly dir: string;
}

/**
 * Registers hooks on the current suite: `before` makes a temporary directory
 * (`sifport-<prefix>-…`) holding `name`, a SIF of `size` bytes ({@link makeSif}); `after`
 * removes it. Read the returned fields in tests or later hooks, once `before` has run.
 */
export function suiteSif(prefix: string, name: string, size: number): SuiteSif {
  return suiteResource(
    name,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), `sifport-${prefix}-`));
      return { dir, ...(await makeSif(dir, name, size)) };
    },
    (made) => rm(made.dir, { recursive: true, force: true }),
  );
}

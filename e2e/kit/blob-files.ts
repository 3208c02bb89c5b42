import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from './sif-files.js';

/** A file of random bytes in a test's folder, with its bytes and digest. */
export interface RandomBlobFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly digest: string;
}

/** Writes `size` random bytes to a fresh file in `dir` (for upload and hash tests). */
export async function randomBlobFile(dir: string, size: number): Promise<RandomBlobFile> {
  const bytes = randomBytes(size);
  const path = join(dir, `blob-${randomBytes(4).toString('hex')}`);
  await writeFile(path, bytes);
  return { path, bytes, digest: sha256(bytes) };
}

/** Reads a blob back through a registry's own HTTP API, without the code under test. */
export async function fetchBlobDirect(url: string, repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${url}/v2/${repo}/blobs/${digest}`);
  assert.equal(res.status, 200, `blob ${digest} should exist in ${repo}`);
  return Buffer.from(await res.arrayBuffer());
}

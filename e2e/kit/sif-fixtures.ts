import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { PublicKey } from 'openpgp';
import * as openpgp from 'openpgp';

import { MemoryByteSource } from './format/byte-source.js';
import { readPublicKeys } from './integrity/pgp-keys.js';

/**
 * Test helpers shared by the SIF and key tests (not shipped code). Fixtures live in the
 * handbook beside the repository: `<repo>/../shared/fixtures`.
 */
export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/sif/', import.meta.url));
/** Upstream sylabs/sif test images and keys. */
export const UPSTREAM = fileURLToPath(
  new URL('../../../../shared/fixtures/upstream-sylabs-sif/', import.meta.url),
);

/** Bytes of a fixture file under {@link FIXTURES}. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Text of a fixture file under {@link FIXTURES}. */
export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** A fresh in-memory copy of a fixture image. */
export function memoryFixture(name: string): MemoryByteSource {
  return new MemoryByteSource(fixture(name));
}

/** A fresh in-memory copy of an upstream test image. */
export function memoryUpstream(name: string): MemoryByteSource {
  return new MemoryByteSource(new Uint8Array(readFileSync(`${UPSTREAM}images/${name}`)));
}

/** Public keys read from a fixture `.asc` file. */
export function fixtureKeys(name: string): Promise<PublicKey[]> {
  return readPublicKeys(fixtureText(name));
}

/** The public half of upstream's `keys/private.asc`, which signed the upstream PGP images. */
export async function upstreamKeys(): Promise<PublicKey[]> {
  const armored = readFileSync(`${UPSTREAM}keys/private.asc`, 'utf8');
  return [(await openpgp.readPrivateKey({ armoredKey: armored })).toPublic()];
}

/** The test key's fingerprint (MANIFEST.txt). */
export const TEST_FINGERPRINT = fixtureText('test-fingerprint.txt').trim();

/** Image time of the fixtures, Unix seconds (MANIFEST.txt). */
export const IMAGE_TIME = 1_700_000_000;
/** Signature time of the fixtures, Unix seconds (MANIFEST.txt). */
export const SIGNATURE_TIME = 1_700_000_100;

/** True when `command` runs (e.g. `siftool`), so tests needing it can skip cleanly. */
export function hasCommand(command: string, args: readonly string[] = ['--help']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Where Debian's `golang-github-sylabs-sif-dev` puts the upstream library's source. */
const UPSTREAM_GO_SOURCE = '/usr/share/gocode/src/github.com/sylabs/sif';

/**
 * Builds `testdata/go-verify` (a verifier on the upstream Go library) under `root` and returns
 * its path, or undefined when Go or Debian's copy of the library is not installed. The build
 * uses GOPATH mode over /usr/share/gocode, so it works offline.
 */
export function buildGoVerifier(root: string): string | undefined {
  if (!existsSync(UPSTREAM_GO_SOURCE) || !hasCommand('go', ['version'])) return undefined;
  mkdirSync(join(root, 'src/github.com/sylabs/sif'), { recursive: true });
  symlinkSync(UPSTREAM_GO_SOURCE, join(root, 'src/github.com/sylabs/sif/v2'));
  const binary = join(root, 'go-verify');
  execFileSync('go', ['build', '-o', binary, '.'], {
    cwd: fileURLToPath(new URL('testdata/go-verify/', import.meta.url)),
    env: { ...process.env, GO111MODULE: 'off', GOPATH: `${root}:/usr/share/gocode`, GOFLAGS: '' },
    stdio: 'ignore',
  });
  return binary;
}

/** Runs the Go verifier; resolves to its output line and whether it exited 0. */
export function goVerify(
  binary: string,
  image: string,
  keyFile: string,
): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: execFileSync(binary, [image, keyFile], { encoding: 'utf8' }).trim(),
    };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: unknown }).stdout ?? error).trim() };
  }
}

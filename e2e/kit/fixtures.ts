import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The handbook's SIF fixtures, which live beside the repository in `<repo>/../shared/fixtures/sif/`
 * (MANIFEST.txt there says how each was made). An absolute directory path ending in `/`, so that
 * `FIXTURES + name` and `join(FIXTURES, name)` both work; computed here once so that no test
 * counts `../` to reach it.
 */
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/sif/', import.meta.url));

/** Upstream sylabs/sif test images (`images/`) and keys (`keys/`), absolute, ending in `/`. */
export const UPSTREAM = fileURLToPath(
  new URL('../../../shared/fixtures/upstream-sylabs-sif/', import.meta.url),
);

/** Absolute path of one file under {@link FIXTURES}, e.g. `fixturePath('signed.sif')`. */
export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** The unsigned image most transfer tests push (push only checks its header). */
export const UNSIGNED_SIF = fixturePath('unsigned.sif');

/** The image signed by the test key (`test-public.asc`). */
export const SIGNED_SIF = fixturePath('signed.sif');

/** Bytes of a fixture file under {@link FIXTURES}. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Text of a fixture file under {@link FIXTURES}. */
export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** The test key's fingerprint (MANIFEST.txt). */
export const TEST_FINGERPRINT = fixtureText('test-fingerprint.txt').trim();

/** Image time of the fixtures, Unix seconds (MANIFEST.txt). */
export const IMAGE_TIME = 1_700_000_000;

/** Signature time of the fixtures, Unix seconds (MANIFEST.txt). */
export const SIGNATURE_TIME = 1_700_000_100;

import { readFileSync } from 'node:fs';

import type { PublicKey } from 'openpgp';
import * as openpgp from 'openpgp';

import { MemoryByteSource, readPublicKeys } from '../../main/engine/sif/index.js';
import { fixture, fixtureText, UPSTREAM } from './fixtures.js';

/**
 * The fixtures as the SIF engine's own types: in-memory byte sources and parsed keys. Tests
 * get a fresh copy each call, so one test's in-place edits never leak into the next.
 */
export function memoryFixture(name: string): MemoryByteSource {
  return new MemoryByteSource(fixture(name));
}

/** A fresh in-memory copy of an upstream test image (`UPSTREAM/images/NAME`). */
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

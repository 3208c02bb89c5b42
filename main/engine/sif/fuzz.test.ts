import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';

import type { PublicKey } from 'openpgp';

import { MemoryByteSource } from './format/byte-source.js';
import { isSifError } from './format/errors.js';
import { inspectImage } from './inspect/inspect.js';
import { DESCRIPTOR_SIZE } from './format/layout.js';
import { loadSif } from './format/load.js';
import { formatList } from './inspect/siftool-format.js';
import { FIXTURES, UPSTREAM, fixtureKeys } from '../../../e2e/kit/index.js';
import { verifyImage } from './integrity/verify.js';

// Override to explore further: SIFPORT_FUZZ_ITERATIONS=100000 SIFPORT_FUZZ_SEED=7 node --test …
const ITERATIONS = Number(process.env.SIFPORT_FUZZ_ITERATIONS ?? 3000);
const SEED = Number(process.env.SIFPORT_FUZZ_SEED ?? 0x5a1f);

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASES = [
  `${FIXTURES}signed.sif`,
  `${FIXTURES}signed-with-json.sif`,
  `${FIXTURES}signed-legacy.sif`,
  `${UPSTREAM}images/one-group-signed-dsse.sif`,
  `${UPSTREAM}images/one-object-sbom.sif`,
].map((path) => new Uint8Array(readFileSync(path)));

function mutate(base: Uint8Array, next: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(next() * n);
  const bytes = base.slice();
  const mode = next();
  if (mode < 0.15) return bytes.subarray(0, pick(bytes.length));
  const metadataEnd = 4096 + 4 * DESCRIPTOR_SIZE;
  const flips = 1 + pick(8);
  for (let i = 0; i < flips; i += 1) {
    const at = next() < 0.75 ? pick(metadataEnd) : pick(bytes.length);
    bytes[at] = mode < 0.6 ? pick(256) : (bytes[at] ?? 0) ^ (1 << pick(8));
  }
  if (mode > 0.9) {
    // Plant an extreme 64-bit value in a header or descriptor number field.
    const field =
      next() < 0.5 ? 64 + 8 * pick(8) : 4096 + pick(4) * DESCRIPTOR_SIZE + 17 + 8 * pick(6);
    new DataView(bytes.buffer).setBigInt64(field, next() < 0.5 ? -1n : 0x7fffffffffffffffn, true);
  }
  return bytes;
}

describe('fuzz: damaged images give typed errors, never crashes or hangs', () => {
  let keys: PublicKey[] = [];
  before(async () => {
    keys = await fixtureKeys('test-public.asc');
  });

  it(`survives ${ITERATIONS} seeded mutations (seed ${SEED})`, async () => {
    const next = random(SEED);
    const outcomes = { loaded: 0, rejected: 0 };
    for (let i = 0; i < ITERATIONS; i += 1) {
      const base = BASES[Math.floor(next() * BASES.length)] ?? new Uint8Array();
      const bytes = mutate(base, next);
      try {
        const image = await loadSif(new MemoryByteSource(bytes));
        formatList(image);
        await inspectImage(image);
        if (i % 6 === 0) await verifyImage(image, { keys, legacyInsecure: i % 12 === 0 });
        outcomes.loaded += 1;
      } catch (error) {
        if (!isSifError(error)) {
          assert.fail(
            `iteration ${i} (seed ${SEED}) threw a non-SifError: ${String((error as Error).stack ?? error)}`,
          );
        }
        outcomes.rejected += 1;
      }
    }
    assert.ok(outcomes.loaded > ITERATIONS / 10, `only ${outcomes.loaded} mutated images loaded`);
    assert.ok(
      outcomes.rejected > ITERATIONS / 10,
      `only ${outcomes.rejected} mutated images were rejected`,
    );
  });

  it('survives damaged squashfs partitions while inspecting', async () => {
    const next = random(SEED + 1);
    const base = BASES[0] ?? new Uint8Array();
    const start = 32768; // signed.sif's squashfs partition: bytes 32768-36864.
    for (let i = 0; i < ITERATIONS / 3; i += 1) {
      const bytes = base.slice();
      for (let k = 0, n = 1 + Math.floor(next() * 6); k < n; k += 1) {
        bytes[start + Math.floor(next() * 4096)] = Math.floor(next() * 256);
      }
      const report = await inspectImage(await loadSif(new MemoryByteSource(bytes)));
      assert.ok(report.unavailable.every((u) => typeof u === 'string'));
    }
  });
});

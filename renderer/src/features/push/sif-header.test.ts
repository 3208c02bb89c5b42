import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture } from '../../../../e2e/kit/fixtures.js';
import { readFileFacts, readSifFacts } from './sif-header.js';

const reader = (bytes: Uint8Array) => async (offset: number, length: number) =>
  bytes.subarray(offset, offset + length);

test('an unsigned fixture: version, arch, no signature, its labels', async () => {
  const facts = await readFileFacts(new Blob([fixture('unsigned-with-json.sif')]));
  assert.deepEqual(facts, {
    ok: true,
    version: '01',
    arch: 'amd64',
    signatures: 0,
    encrypted: false,
    labels: { Author: 'sifpeer fixtures' },
  });
});

test('a signed fixture counts its signature', async () => {
  const bytes = fixture('signed.sif');
  const facts = await readSifFacts(reader(bytes), bytes.length);
  assert.equal(facts.ok && facts.signatures, 1);
});

test('not a SIF, or a damaged one, says why', async () => {
  const text = new TextEncoder().encode('#!/bin/sh\necho hello\n'.repeat(20));
  const notSif = await readSifFacts(reader(text), text.length);
  assert.deepEqual(notSif, {
    ok: false,
    why: 'it does not start with the SIF header (no SIF_MAGIC)',
  });
  const short = await readSifFacts(reader(new Uint8Array(10)), 10);
  assert.equal(!short.ok && short.why, 'the file is too short to be a SIF');
  const cut = fixture('unsigned.sif').subarray(0, 5000);
  const damaged = await readSifFacts(reader(cut), cut.length);
  assert.match(!damaged.ok ? damaged.why : '', /outside the file/);
  const future = fixture('unsigned.sif').slice();
  future[43] = 0x32; // version "02"
  const newer = await readSifFacts(reader(future), future.length);
  assert.equal(!newer.ok && newer.why, 'SIF version 02 is not supported');
});

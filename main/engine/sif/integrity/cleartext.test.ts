import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import type { MemoryByteSource } from '../format/byte-source.js';
import { armorClearSigned, classifySignature, crc24Base64 } from './cleartext.js';
import { loadSif } from '../format/load.js';
import { readObject } from '../format/objects.js';
import { UPSTREAM, fixtureText, memoryFixture, memoryUpstream } from '../../../../e2e/kit/index.js';

async function signatureText(image: MemoryByteSource, id: number): Promise<string> {
  const loaded = await loadSif(image);
  const d = loaded.descriptors.find((x) => x.id === id);
  assert.ok(d);
  return new TextDecoder().decode(await readObject(image, d));
}

describe('signature envelopes (spec B4, B7, B8)', () => {
  it('classifies current, legacy, DSSE and unknown signature objects', async () => {
    assert.equal(classifySignature(fixtureText('signed.signature.txt')), 'pgp');
    assert.equal(
      classifySignature(await signatureText(memoryFixture('signed-legacy.sif'), 3)),
      'legacy',
    );
    assert.equal(
      classifySignature(await signatureText(memoryUpstream('one-group-signed-dsse.sif'), 3)),
      'dsse',
    );
    assert.equal(classifySignature('hello'), 'unknown');
    assert.equal(classifySignature('{"payloadType":1}'), 'unknown');
    assert.equal(classifySignature('{broken'), 'unknown');
  });

  it('computes the armor checksum (RFC 4880 6.1)', () => {
    assert.equal(crc24Base64(new Uint8Array()), 'twTO');
    const key = readFileSync(`${UPSTREAM}keys/private.asc`, 'utf8');
    const body = key.split('\n\n')[1]?.split('\n=')[0]?.replace(/\n/g, '') ?? '';
    const checksum = key.split('\n=')[1]?.slice(0, 4);
    assert.equal(crc24Base64(Buffer.from(body, 'base64')), checksum);
  });

  it('dash-escapes text lines that start with a dash', () => {
    const armored = armorClearSigned('-x\ny', 'SHA256', new Uint8Array([1, 2, 3]));
    assert.match(armored, /\n\n- -x\ny\n-----BEGIN PGP SIGNATURE-----\n\nAQID\n=/);
  });
});

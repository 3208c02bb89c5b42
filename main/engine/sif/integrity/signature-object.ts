import type { ByteSource } from '../format/byte-source.js';
import { classifySignature } from './cleartext.js';
import type { SignatureFormat } from './cleartext.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { readObject } from '../format/objects.js';

/** Signature objects larger than this are not read; real ones are a few KiB (spec B4, B8). */
export const MAX_SIGNATURE_BYTES = 1024 * 1024;

/** A signature object's text and what kind of signature it holds. */
export interface SignatureObject {
  readonly text: string;
  readonly format: SignatureFormat;
}

/**
 * Reads and classifies one signature object (spec B6 step 3, B7, B8). An implausibly large
 * object is reported as `unknown` (the verifier then calls it malformed) instead of being read.
 */
export async function readSignatureObject(
  source: ByteSource,
  descriptor: SifDescriptor,
): Promise<SignatureObject> {
  if (descriptor.size > MAX_SIGNATURE_BYTES) return { text: '', format: 'unknown' };
  const text = new TextDecoder().decode(await readObject(source, descriptor));
  return { text, format: classifySignature(text) };
}

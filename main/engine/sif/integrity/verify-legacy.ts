import { createHash } from 'node:crypto';

import { hashTypeNodeName } from '../format/codes.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { checkClearSigned } from './pgp-verify.js';
import { describeSignature } from './verify-types.js';
import type { SignatureResult, Verdict, VerifyContext } from './verify-types.js';

/**
 * Verifies one legacy (Singularity 3.0-3.5) signature over `covered` (spec B7): OpenPGP check
 * and fingerprint as for current signatures, then the `SIFHASH:` digest, computed with the
 * descriptor's hash type over the covered objects' data concatenated in table order. Nothing
 * else is protected, which is why callers only get here with `legacyInsecure`.
 */
export async function checkLegacySignature(
  ctx: VerifyContext,
  sig: SifDescriptor,
  armored: string,
  covered: readonly SifDescriptor[],
): Promise<SignatureResult> {
  const base = describeSignature(sig, 'legacy');
  const coveredIds = covered.map((d) => d.id);
  const envelope = await checkClearSigned(armored, base.fingerprint, ctx.keys, ctx.date);
  const result = (verdict: Verdict, message: string, ok = false): SignatureResult => ({
    ...base,
    signer: envelope.signer,
    issuerKeyId: envelope.issuerKeyId,
    signedAt: envelope.ok ? envelope.signedAt : undefined,
    coveredIds,
    verifiedIds: ok ? coveredIds : [],
    objects: covered.map((d) => ({ id: d.id, descriptorOk: ok, dataOk: ok })),
    verdict,
    message,
  });
  const algorithm =
    sig.details.kind === 'signature' ? hashTypeNodeName(sig.details.hashType) : undefined;
  if (!algorithm) {
    return result(
      'malformed',
      `signature object ${sig.id} records a hash type legacy signatures cannot use`,
    );
  }
  if (!envelope.ok) return result(envelope.failure, envelope.message);
  const expected = envelope.text
    .replace(/^SIFHASH:\r?\n/, '')
    .replace(/\r?\n$/, '')
    .toLowerCase();
  const length = createHash(algorithm).digest().length * 2;
  if (!/^[0-9a-f]*$/.test(expected) || expected.length !== length) {
    return result('malformed', 'the legacy signature does not hold a valid SIFHASH digest');
  }
  const actual =
    covered.length === 1 && covered[0]
      ? await ctx.cache.digest(covered[0], algorithm)
      : await ctx.cache.digestMany(covered, algorithm);
  if (actual !== expected) {
    return result(
      'data-tampered',
      `the data of object(s) ${coveredIds.join(', ')} changed since signing`,
    );
  }
  return result(
    'legacy-verified',
    `legacy signature by ${envelope.signer.fingerprint} matches object(s) ${coveredIds.join(', ')}; legacy signatures do not protect the header or descriptors`,
    true,
  );
}

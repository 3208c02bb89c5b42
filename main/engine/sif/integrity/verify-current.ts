import type { SifDescriptor } from '../format/descriptor.js';
import { descriptorIntegrityBytes, digestBytes, headerIntegrityBytes } from './digest.js';
import { parsePayload } from './payload.js';
import type { SignedPayload } from './payload.js';
import { checkClearSigned } from './pgp-verify.js';
import { groupMinId, groupObjects } from '../format/select.js';
import { describeSignature } from './verify-types.js';
import type { ObjectCheck, SignatureResult, Verdict, VerifyContext } from './verify-types.js';

/**
 * Verifies one current-format signature for group `groupId` (spec B6 step 4): OpenPGP check,
 * fingerprint, then the payload against the image. With `only`, checks just that object and
 * lets the signature cover more (apptainer `--sif-id`); otherwise the signed ID set must equal
 * the group's objects. All covered objects are hashed so the report shows each one's state;
 * the verdict is the first failure in upstream's order (header, then per object descriptor
 * and data, in table order).
 */
export async function checkCurrentSignature(
  ctx: VerifyContext,
  sig: SifDescriptor,
  armored: string,
  groupId: number,
  only?: SifDescriptor,
): Promise<SignatureResult> {
  const base = describeSignature(sig, 'pgp');
  const minId = groupMinId(ctx.image, groupId);
  const envelope = await checkClearSigned(armored, base.fingerprint, ctx.keys, ctx.date);
  const parsed = envelope.text === undefined ? 'no text' : parsePayload(envelope.text);
  const coveredIds =
    typeof parsed === 'string' ? [] : parsed.objects.map((o) => o.relativeId + minId);
  const result = (
    verdict: Verdict,
    message: string,
    objects: ObjectCheck[] = [],
  ): SignatureResult => ({
    ...base,
    signer: envelope.signer,
    issuerKeyId: envelope.issuerKeyId,
    signedAt: envelope.ok ? envelope.signedAt : undefined,
    coveredIds,
    verifiedIds: objects.filter((o) => o.descriptorOk && o.dataOk).map((o) => o.id),
    objects,
    verdict,
    message,
  });
  if (base.hashType === undefined) {
    return result('malformed', `signature object ${sig.id} records an unknown hash type`);
  }
  if (!envelope.ok) return result(envelope.failure, envelope.message);
  if (typeof parsed === 'string') return result('malformed', parsed);

  const groupIdsNow = groupObjects(ctx.image, groupId).map((d) => d.id);
  if (!only) {
    const changed = idSetChange(groupIdsNow, coveredIds);
    if (changed) return result('objects-changed', changed);
  }
  const targets = only ? [only] : groupObjects(ctx.image, groupId);
  const headerOk =
    digestBytes(parsed.header.nodeAlgorithm, headerIntegrityBytes(ctx.image.header.raw)) ===
    parsed.header.hex;
  const checks: ObjectCheck[] = [];
  for (const d of targets) {
    const entry = findEntry(parsed, d.id - minId);
    if (!entry) {
      return result('objects-changed', `object ${d.id} is not covered by this signature`, checks);
    }
    const descriptorBytes = descriptorIntegrityBytes(d, d.id - minId);
    checks.push({
      id: d.id,
      descriptorOk:
        digestBytes(entry.descriptorDigest.nodeAlgorithm, descriptorBytes) ===
        entry.descriptorDigest.hex,
      dataOk:
        (await ctx.cache.digest(d, entry.objectDigest.nodeAlgorithm)) === entry.objectDigest.hex,
    });
  }
  if (!headerOk) {
    return result(
      'header-tampered',
      'the image header (launch script, version or ID) changed since signing',
      checks,
    );
  }
  for (const c of checks) {
    if (!c.descriptorOk) {
      return result(
        'descriptor-tampered',
        `the descriptor of object ${c.id} changed since signing`,
        checks,
      );
    }
    if (!c.dataOk) {
      return result('data-tampered', `the data of object ${c.id} changed since signing`, checks);
    }
  }
  const who = envelope.signer.userId
    ? `${envelope.signer.userId} (${envelope.signer.fingerprint})`
    : envelope.signer.fingerprint;
  return result(
    'verified',
    `signed by ${who}; objects ${checks.map((c) => c.id).join(', ')} verified`,
    checks,
  );
}

/** Upstream's set comparison of current group members and signed IDs (spec B6 step 4.5). */
function idSetChange(current: readonly number[], signed: readonly number[]): string | undefined {
  const signedSet = new Set(signed);
  const added = current.find((id) => !signedSet.has(id));
  if (added !== undefined) {
    return `object ${added} was added to the group after signing (object not signed)`;
  }
  const currentSet = new Set(current);
  const missing = signed.find((id) => !currentSet.has(id));
  if (missing !== undefined) return `object ${missing} was signed but is no longer in the group`;
  return undefined;
}

function findEntry(payload: SignedPayload, relativeId: number) {
  return payload.objects.find((o) => o.relativeId === relativeId);
}

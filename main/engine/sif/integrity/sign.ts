import type { PrivateKey } from 'openpgp';

import type { ByteTarget } from '../format/byte-source.js';
import { DataType } from '../format/codes.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { DigestCache } from './digest.js';
import type { HashProgress } from './digest.js';
import { SifError } from '../format/errors.js';
import { EXTRA_LENGTH, GROUP_MARKER, UNSET_TIME } from '../format/layout.js';
import { loadSif } from '../format/load.js';
import type { SifImage } from '../format/load.js';
import { buildPayload } from './payload.js';
import { fingerprintOf, unlockPrivateKey } from './pgp-keys.js';
import type { KeyMaterial } from './pgp-keys.js';
import { clearSign } from './pgp-sign.js';
import type { SignatureHash } from './pgp-sign.js';
import { findObject, groupIds, groupMinId, groupObjects } from '../format/select.js';
import { appendObject, isDeterministicImage } from '../format/write.js';

/** Options for {@link signSif}. */
export interface SignOptions {
  /** Armored or binary private key, or an openpgp.js key object. */
  readonly key: KeyMaterial | PrivateKey;
  /** Passphrase for a protected key; never stored or logged. */
  readonly passphrase?: string;
  /** Sign only this group (apptainer `--group-id`). */
  readonly groupId?: number;
  /** Sign only these objects, one signature per group they are in (apptainer `--sif-id`). */
  readonly objectIds?: readonly number[];
  /** Clock for the signature, descriptor and header times (default: the system clock). */
  readonly now?: () => Date;
  /** OpenPGP hash (default SHA-256, as apptainer). */
  readonly hash?: SignatureHash;
  /** Leave out the random salt notation so output is reproducible (see `clearSign`). */
  readonly reproducible?: boolean;
  readonly signal?: AbortSignal;
  /** Hears hashing progress; object data dominates the time on large images. */
  readonly onProgress?: (progress: HashProgress) => void;
}

/** One signature object that {@link signSif} added. */
export interface AddedSignature {
  /** Object ID of the new signature object. */
  readonly id: number;
  readonly groupId: number;
  /** IDs of the objects it covers. */
  readonly objectIds: readonly number[];
  /** Primary-key fingerprint recorded in the descriptor (upper-case hex). */
  readonly fingerprint: string;
}

/**
 * Signs a SIF in place like `apptainer sign` (spec B5): by default one signature per object
 * group, ascending; or only `groupId`; or only `objectIds`. Each signature clear-signs the B3
 * payload and is appended as an unaligned, ungrouped object linked to its group (spec B4).
 * Object data is hashed while streaming, once per object. Nothing is written until every
 * signature is made.
 */
export async function signSif(target: ByteTarget, options: SignOptions): Promise<AddedSignature[]> {
  const key = await unlockPrivateKey(options.key, options.passphrase);
  let image = await loadSif(target);
  const plans = planSignatures(image, options);
  const cache = new DigestCache(target, options);
  cache.expect(plans.flatMap((p) => p.objects));
  const fingerprint = fingerprintOf(key);
  // Sign everything first, so a failure or an abort leaves the file untouched.
  const signed = [];
  for (const plan of plans) {
    const payload = await buildPayload(image, plan.objects, groupMinId(image, plan.groupId), cache);
    const date = (options.now ?? (() => new Date()))();
    const envelope = await clearSign(payload, key, {
      date,
      hash: options.hash,
      reproducible: options.reproducible,
    });
    signed.push({ plan, date, envelope });
  }
  options.signal?.throwIfAborted();
  const added: AddedSignature[] = [];
  for (const { plan, date, envelope } of signed) {
    const time = isDeterministicImage(image) ? UNSET_TIME : Math.floor(date.getTime() / 1000);
    const appended = await appendObject(
      target,
      image,
      {
        dataType: DataType.signature,
        data: new TextEncoder().encode(envelope.armored),
        groupId: 0,
        link: (GROUP_MARKER | plan.groupId) >>> 0,
        extra: signatureExtra(envelope.hashType, fingerprint),
      },
      time,
    );
    image = appended.image;
    added.push({
      id: appended.id,
      groupId: plan.groupId,
      objectIds: plan.objects.map((d) => d.id),
      fingerprint,
    });
  }
  return added;
}

interface SignaturePlan {
  readonly groupId: number;
  readonly objects: readonly SifDescriptor[];
}

function planSignatures(image: SifImage, options: SignOptions): SignaturePlan[] {
  if (options.objectIds && options.objectIds.length > 0) {
    const byGroup = new Map<number, SifDescriptor[]>();
    for (const id of options.objectIds) {
      const d = findObject(image, id);
      if (d.groupId === 0) {
        throw new SifError('USAGE', `Object ${id} is in no object group, so it cannot be signed`, {
          id,
        });
      }
      const list = byGroup.get(d.groupId) ?? [];
      if (!list.includes(d)) list.push(d);
      byGroup.set(d.groupId, list);
    }
    return [...byGroup.entries()]
      .sort(([a], [b]) => a - b)
      .map(([groupId, objects]) => ({ groupId, objects }));
  }
  const ids = options.groupId !== undefined ? [options.groupId] : groupIds(image);
  if (ids.length === 0) {
    throw new SifError(
      'OBJECT_NOT_FOUND',
      'The image has no object groups, so there is nothing to sign',
    );
  }
  return ids.map((groupId) => {
    const objects = groupObjects(image, groupId);
    if (objects.length === 0) {
      throw new SifError('OBJECT_NOT_FOUND', `The image has no object group ${groupId}`, {
        groupId,
      });
    }
    return { groupId, objects };
  });
}

/** Signature extra field: int32 hash type + 20-byte v4 primary fingerprint (spec A4, B4). */
function signatureExtra(hashType: number, fingerprint: string): Uint8Array {
  const extra = new Uint8Array(EXTRA_LENGTH);
  new DataView(extra.buffer).setInt32(0, hashType, true);
  extra.set(Buffer.from(fingerprint, 'hex').subarray(0, 20), 4);
  return extra;
}

import type { Key } from 'openpgp';

import type { ByteSource } from '../format/byte-source.js';
import type { SignatureFormat } from './cleartext.js';
import { DataType } from '../format/codes.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { DigestCache } from './digest.js';
import type { HashProgress } from './digest.js';
import { loadSif } from '../format/load.js';
import type { SifImage } from '../format/load.js';
import {
  findObject,
  groupIds,
  groupObjects,
  primaryPartition,
  signatureObjects,
} from '../format/select.js';
import { readSignatureObject } from './signature-object.js';
import type { SignatureObject } from './signature-object.js';
import { runTask } from './verify-task.js';
import type { Task } from './verify-task.js';
import { describeSignature } from './verify-types.js';
import type { SignatureResult, TaskResult, VerifyContext, VerifyReport } from './verify-types.js';

/** Options for {@link verifySif}, mirroring `apptainer verify`'s flags (spec B6, B7). */
export interface VerifyOptions {
  /** Public keys to check signatures with (see `readPublicKeys`). */
  readonly keys: readonly Key[];
  /** Verify only this group (`--group-id`). */
  readonly groupId?: number;
  /** Verify only this object (`--sif-id`). */
  readonly objectId?: number;
  /** Accept legacy signatures, ignoring current ones (`--legacy-insecure`). */
  readonly legacyInsecure?: boolean;
  /** Legacy mode over every grouped non-signature object (`--legacy-insecure --all`). */
  readonly legacyAll?: boolean;
  /** Clock for key and signature validity checks (default: the system clock). */
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** Hears hashing progress; `total` estimates the bytes of the groups being verified. */
  readonly onProgress?: (progress: HashProgress) => void;
}

/**
 * Verifies every signature in a SIF, like `apptainer verify` (spec B6, B7, B8), and reports
 * one result per signature object plus one per task. `ok` is true only when apptainer would
 * exit 0: each task has at least one applicable signature and all of them pass.
 */
export async function verifySif(source: ByteSource, options: VerifyOptions): Promise<VerifyReport> {
  return verifyImage(await loadSif(source), options);
}

/** {@link verifySif} for an image already loaded. */
export async function verifyImage(image: SifImage, options: VerifyOptions): Promise<VerifyReport> {
  const legacy = options.legacyInsecure === true || options.legacyAll === true;
  const ctx: VerifyContext = {
    image,
    keys: options.keys,
    date: (options.now ?? (() => new Date()))(),
    cache: new DigestCache(image.source, options),
  };
  const texts = new Map<number, SignatureObject>();
  for (const sig of signatureObjects(image)) {
    texts.set(sig.id, await readSignatureObject(image.source, sig));
  }
  const problems = image.descriptors
    .filter((d) => d.groupId === 0 && d.dataType !== DataType.signature)
    .map(
      (d) =>
        `object ${d.id} (${d.dataTypeName}) is in no object group; apptainer refuses to verify such images`,
    );
  const tasks = selectTasks(image, options, legacy, problems);
  ctx.cache.expect(
    tasks.flatMap((t) => (t.kind === 'object' ? [t.object] : groupObjects(image, t.groupId))),
  );
  const results = new Map<number, SignatureResult>();
  const taskResults: TaskResult[] = [];
  for (const task of tasks) {
    options.signal?.throwIfAborted();
    taskResults.push(await runTask(ctx, task, texts, results));
  }
  const signatures = signatureObjects(image).map(
    (sig) => results.get(sig.id) ?? unchecked(sig, texts.get(sig.id)?.format ?? 'unknown', legacy),
  );
  const ok = problems.length === 0 && taskResults.length > 0 && taskResults.every((t) => t.ok);
  return { ok, signatures, tasks: taskResults, problems };
}

function selectTasks(
  image: SifImage,
  options: VerifyOptions,
  legacy: boolean,
  problems: string[],
): Task[] {
  if (options.objectId !== undefined) {
    return [{ kind: 'object', object: findObject(image, options.objectId), legacy }];
  }
  if (options.groupId !== undefined) return [{ kind: 'group', groupId: options.groupId, legacy }];
  if (options.legacyAll) {
    return image.descriptors
      .filter((d) => d.groupId !== 0 && d.dataType !== DataType.signature)
      .map((object) => ({ kind: 'object', object, legacy: true }));
  }
  if (legacy) {
    // apptainer's --legacy-insecure default: object signatures of the primary partition.
    const primary = primaryPartition(image);
    if (!primary) {
      problems.push('the image has no primary partition; choose a group or object to verify');
    }
    return primary ? [{ kind: 'object', object: primary, legacy: true }] : [];
  }
  const groups = groupIds(image);
  if (groups.length === 0) {
    problems.push('the image has no object groups, so nothing can be verified');
  }
  return groups.map((groupId) => ({ kind: 'group', groupId, legacy: false }));
}

function unchecked(sig: SifDescriptor, format: SignatureFormat, legacy: boolean): SignatureResult {
  const base = {
    ...describeSignature(sig, format),
    signer: undefined,
    issuerKeyId: undefined,
    signedAt: undefined,
    coveredIds: [],
    verifiedIds: [],
    objects: [],
  };
  if (format === 'legacy' && !legacy) {
    return {
      ...base,
      verdict: 'legacy-needs-insecure',
      message:
        'legacy signature (Singularity 3.0-3.5): it does not protect the header or descriptors (CVE-2020-13847); accept it only with legacyInsecure',
    };
  }
  if (format === 'dsse') {
    return {
      ...base,
      verdict: 'dsse-unsupported',
      message: 'DSSE signature (made with a PEM key): not verifiable with OpenPGP keys',
    };
  }
  return { ...base, verdict: 'not-checked', message: 'not part of the selected verification' };
}

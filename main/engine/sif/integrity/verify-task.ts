import type { SignatureFormat } from './cleartext.js';
import type { SifDescriptor } from '../format/descriptor.js';
import { parsePayload } from './payload.js';
import {
  groupMinId,
  groupObjects,
  signatureObjects,
  signaturesForGroup,
  signaturesForObject,
} from '../format/select.js';
import { checkCurrentSignature } from './verify-current.js';
import { checkLegacySignature } from './verify-legacy.js';
import type { SignatureObject } from './signature-object.js';
import { describeSignature } from './verify-types.js';
import type { SignatureResult, TaskResult, VerifyContext } from './verify-types.js';

/** What to verify: a whole group, or one object (spec B6 step 2, B7). */
export type Task =
  | { readonly kind: 'group'; readonly groupId: number; readonly legacy: boolean }
  | { readonly kind: 'object'; readonly object: SifDescriptor; readonly legacy: boolean };

type Texts = ReadonlyMap<number, SignatureObject>;

/**
 * Runs one task (spec B6 steps 3-4, B7): picks the signatures that apply (current-format ones
 * linked to the group, or legacy ones in legacy mode), checks each, records each result in
 * `results` (first check of a signature wins) and says whether the task passed: at least one
 * applicable signature, and every one of them verified.
 */
export async function runTask(
  ctx: VerifyContext,
  task: Task,
  texts: Texts,
  results: Map<number, SignatureResult>,
): Promise<TaskResult> {
  const id = task.kind === 'group' ? task.groupId : task.object.id;
  const groupId = task.kind === 'group' ? task.groupId : task.object.groupId;
  const head = { kind: task.kind, id, legacy: task.legacy } as const;
  if (groupId === 0 || groupObjects(ctx.image, groupId).length === 0) {
    const why =
      groupId === 0
        ? `object ${id} is in no object group`
        : `the image has no object group ${groupId}`;
    return { ...head, ok: false, signatureIds: [], message: why };
  }
  const sigs = applicableSignatures(ctx, task, texts);
  const checked: SignatureResult[] = [];
  for (const sig of sigs) {
    const entry = texts.get(sig.id);
    const result = await checkOne(ctx, task, sig, entry?.text ?? '', entry?.format ?? 'unknown');
    if (!results.has(sig.id)) results.set(sig.id, result);
    checked.push(result);
  }
  const wanted = task.legacy ? 'legacy-verified' : 'verified';
  const failed = checked.find((r) => r.verdict !== wanted);
  const what = task.kind === 'group' ? `object group ${id}` : `object ${id}`;
  const message =
    checked.length === 0
      ? `no ${task.legacy ? 'legacy ' : ''}signature found for ${what}${hint(ctx, task, texts)}`
      : failed
        ? `signature object ${failed.id}: ${failed.message}`
        : `${what}: ${checked.length} signature(s) verified`;
  return {
    ...head,
    ok: checked.length > 0 && !failed,
    signatureIds: checked.map((r) => r.id),
    message,
  };
}

function applicableSignatures(ctx: VerifyContext, task: Task, texts: Texts): SifDescriptor[] {
  const isLegacy = (sig: SifDescriptor) => texts.get(sig.id)?.format === 'legacy';
  if (task.legacy && task.kind === 'object') return signaturesForObject(ctx.image, task.object.id);
  const groupId = task.kind === 'group' ? task.groupId : task.object.groupId;
  return signaturesForGroup(ctx.image, groupId).filter((sig) => isLegacy(sig) === task.legacy);
}

async function checkOne(
  ctx: VerifyContext,
  task: Task,
  sig: SifDescriptor,
  text: string,
  format: SignatureFormat,
): Promise<SignatureResult> {
  if (task.legacy) {
    const covered = task.kind === 'object' ? [task.object] : groupObjects(ctx.image, task.groupId);
    if (format === 'legacy') return checkLegacySignature(ctx, sig, text, covered);
    return fixed(
      sig,
      format,
      'malformed',
      'linked like a legacy signature but does not hold a SIFHASH digest',
    );
  }
  const groupId = task.kind === 'group' ? task.groupId : task.object.groupId;
  if (format === 'pgp') {
    return checkCurrentSignature(
      ctx,
      sig,
      text,
      groupId,
      task.kind === 'object' ? task.object : undefined,
    );
  }
  if (format === 'dsse') {
    const covered = dsseCoveredIds(text, groupMinId(ctx.image, groupId));
    return fixed(
      sig,
      format,
      'dsse-unsupported',
      'DSSE signature (made with a PEM key): not verifiable with OpenPGP keys, so the group cannot be verified',
      covered,
    );
  }
  return fixed(
    sig,
    format,
    'malformed',
    'neither a clear-signed OpenPGP message nor a DSSE envelope',
  );
}

function fixed(
  sig: SifDescriptor,
  format: SignatureFormat,
  verdict: SignatureResult['verdict'],
  message: string,
  coveredIds: readonly number[] = [],
): SignatureResult {
  return {
    ...describeSignature(sig, format),
    signer: undefined,
    issuerKeyId: undefined,
    signedAt: undefined,
    coveredIds,
    verifiedIds: [],
    objects: [],
    verdict,
    message,
  };
}

/** IDs a DSSE envelope's (unverified) payload claims to cover, for the report only (spec B8). */
function dsseCoveredIds(text: string, minId: number): number[] {
  try {
    const envelope = JSON.parse(text) as { payload?: unknown };
    if (typeof envelope.payload !== 'string') return [];
    const payload = parsePayload(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    return typeof payload === 'string' ? [] : payload.objects.map((o) => o.relativeId + minId);
  } catch {
    return [];
  }
}

function hint(ctx: VerifyContext, task: Task, texts: Texts): string {
  if (task.legacy || task.kind !== 'group') return '';
  const members = new Set(groupObjects(ctx.image, task.groupId).map((d) => d.id));
  const legacy = signatureObjects(ctx.image).some(
    (s) =>
      texts.get(s.id)?.format === 'legacy' &&
      (s.linkedIsGroup ? s.linkedId === task.groupId : members.has(s.linkedId)),
  );
  return legacy
    ? ' (it has only legacy signatures; they are accepted only with legacyInsecure)'
    : '';
}

import type { Key } from 'openpgp';
import {
  normalizeFingerprint,
  openFileSource,
  verifySif,
  type Verdict,
  type VerifyReport,
} from '../sif/index.js';
import { evaluateSignedBy, type SignedByDecision } from './fingerprint-policy.js';

/** Verdicts of signatures that were not part of this check (other mode, or not selected). */
const SKIPPED: readonly Verdict[] = ['not-checked', 'legacy-needs-insecure', 'dsse-unsupported'];
const PASSED: readonly Verdict[] = ['verified', 'legacy-verified'];

/** What {@link verifySifFile} decided, and the report it decided on. */
export interface VerifyOutcome {
  readonly path: string;
  readonly ok: boolean;
  /** Why it failed (or that it passed), in one line. */
  readonly message: string;
  /** The "signed by" decision, when required signers were given. */
  readonly signedBy: SignedByDecision | undefined;
  readonly report: VerifyReport;
}

/** What {@link verifySifFile} checks. */
export interface VerifyFileOptions {
  readonly path: string;
  readonly keys: readonly Key[];
  /** Also require a verified signature by one of these keys (none: any signer). */
  readonly fingerprints?: readonly string[] | undefined;
  readonly legacyInsecure?: boolean | undefined;
  readonly groupId?: number | undefined;
  readonly objectId?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Verifies a SIF file and decides as `sifport verify` (and the window's Verify) does: ok only
 * when the report passes, every signature checked verifies and, with `fingerprints`, one of
 * those keys signed it. Throws (SifError) only when it cannot check at all.
 */
export async function verifySifFile(options: VerifyFileOptions): Promise<VerifyOutcome> {
  const { path, groupId, objectId } = options;
  const image = await openFileSource(path);
  let report: VerifyReport;
  try {
    report = await verifySif(image, {
      keys: options.keys,
      legacyInsecure: options.legacyInsecure === true,
      ...(groupId !== undefined ? { groupId } : {}),
      ...(objectId !== undefined ? { objectId } : {}),
      signal: options.signal,
    });
  } finally {
    await image.close();
  }
  const required = options.fingerprints ?? [];
  const signedBy =
    required.length === 0
      ? undefined
      : evaluateSignedBy(report, required.map(normalizeFingerprint));
  const checked = report.signatures.filter((s) => !SKIPPED.includes(s.verdict));
  const failed = checked.find((s) => !PASSED.includes(s.verdict));
  let message: string;
  if (failed) message = `signature object ${failed.id}: ${failed.message}`;
  else if (report.problems.length > 0) message = report.problems.join('; ');
  else if (!report.ok) {
    message = report.tasks.find((t) => !t.ok)?.message ?? 'no signature verified';
  } else if (signedBy && !signedBy.ok) message = signedBy.message;
  else {
    message = `${checked.length} signature(s) verified${signedBy ? `, ${signedBy.message}` : ''}`;
  }
  const ok = report.ok && failed === undefined && (signedBy?.ok ?? true);
  return { path, ok, message, signedBy, report };
}

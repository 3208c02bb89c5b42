import type { Key } from 'openpgp';

import {
  SifError,
  fingerprintOf,
  normalizeFingerprint,
  verifySif,
  type ByteSource,
  type SignatureResult,
  type Verdict,
  type VerifyReport,
} from '../sif/index.js';

/** The outcome of {@link evaluateSignedBy}. */
export interface SignedByDecision {
  readonly ok: boolean;
  /** Why the image passes or fails, in plain language. */
  readonly message: string;
  /** The verified signatures made by one of the required keys. */
  readonly matching: readonly SignatureResult[];
}

const TAMPERED: readonly Verdict[] = [
  'data-tampered',
  'descriptor-tampered',
  'header-tampered',
  'objects-changed',
];

/**
 * Decides whether a verification report satisfies "signed by one of `fingerprints`" (spec B6):
 * every verified group (task) must carry a current-format signature that verified and was made
 * by a required key, and no signature may show tampering. Signatures by other, unknown keys
 * are tolerated; legacy and DSSE signatures never count.
 */
export function evaluateSignedBy(
  report: VerifyReport,
  fingerprints: readonly string[],
): SignedByDecision {
  const wanted = new Set(fingerprints.map(normalizeFingerprint));
  const byId = new Map(report.signatures.map((s) => [s.id, s]));
  const matching = report.signatures.filter(
    (s) => s.verdict === 'verified' && s.signer && wanted.has(s.signer.fingerprint),
  );
  const fail = (message: string): SignedByDecision => ({ ok: false, message, matching });
  const [problem] = report.problems;
  if (problem) return fail(problem);
  if (report.signatures.length === 0) return fail('the image is not signed');
  const tampered = report.signatures.find((s) => TAMPERED.includes(s.verdict));
  if (tampered) return fail(`signature object ${tampered.id}: ${tampered.message}`);
  if (report.tasks.length === 0) return fail('the image has nothing to verify');
  for (const task of report.tasks) {
    const results = task.signatureIds.flatMap((id) => byId.get(id) ?? []);
    if (results.some((r) => matching.includes(r))) continue;
    const own = results.find((r) => r.fingerprint !== undefined && wanted.has(r.fingerprint));
    if (own) return fail(`signature object ${own.id}: ${own.message}`);
    const others = [...new Set(results.flatMap((r) => r.fingerprint ?? []))];
    const what = task.kind === 'group' ? `object group ${task.id}` : `object ${task.id}`;
    return fail(
      `${what} is not signed by ${[...wanted].join(' or ')}${others.length > 0 ? ` (signed by ${others.join(', ')})` : ''}`,
    );
  }
  return {
    ok: true,
    message: `signed by ${[...new Set(matching.map((m) => m.signer?.fingerprint))].join(', ')}`,
    matching,
  };
}

/** Options for {@link requireSignedBy}. */
export interface RequireSignedByOptions {
  /** Acceptable signer fingerprints (primary keys, any case). */
  readonly fingerprints: readonly string[];
  /** Public keys; must include the required ones. */
  readonly keys: readonly Key[];
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

/**
 * Verifies `source` and throws SIGNATURE_INVALID unless it is signed by one of the required
 * keys (see {@link evaluateSignedBy}); used by pull to refuse unsigned or wrongly signed
 * images. Throws KEY_NOT_FOUND when none of the required public keys was supplied.
 */
export async function requireSignedBy(
  source: ByteSource,
  options: RequireSignedByOptions,
): Promise<VerifyReport> {
  const wanted = new Set(options.fingerprints.map(normalizeFingerprint));
  if (wanted.size === 0) throw new SifError('USAGE', 'No signer fingerprint was given');
  if (!options.keys.some((k) => wanted.has(fingerprintOf(k)))) {
    throw new SifError(
      'KEY_NOT_FOUND',
      `The public key for ${[...wanted].join(' or ')} is not in the keyring; import it first`,
    );
  }
  const report = await verifySif(source, options);
  const decision = evaluateSignedBy(report, [...wanted]);
  if (!decision.ok) {
    throw new SifError('SIGNATURE_INVALID', `Signature check failed: ${decision.message}`, {
      fingerprints: [...wanted],
    });
  }
  return report;
}

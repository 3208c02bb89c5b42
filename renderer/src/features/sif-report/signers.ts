import type { ResponseOf } from '../../../../shared/contract.js';
import type { KeyItem, LocalInspect } from '../../store/domain.js';

/** A SIF inspect report, local (`sif:inspect`) or remote (`registry:peek`): the same shape. */
export type SifReport = LocalInspect['report'];

/** One signer of an image, as far as its signature objects claim (nothing verified yet). */
export interface Signer {
  /** Upper-case hex fingerprint, or undefined for a signature that names none (legacy). */
  readonly fingerprint: string | undefined;
  /** The keyring key with that fingerprint, when the keyring has it. */
  readonly key: KeyItem | undefined;
  /** The signature objects by this signer. */
  readonly signatureIds: readonly number[];
  readonly format: SifReport['signatures'][number]['format'];
}

/** The name part of `Alice Example (work) <alice@example.org>`, else the whole user ID. */
export function keyName(key: Pick<KeyItem, 'primaryUserId' | 'userIds' | 'keyId'>): string {
  const uid = key.primaryUserId ?? key.userIds[0];
  if (!uid) return `0x${key.keyId}`;
  const name = uid.replace(/\s*<[^>]*>\s*$/, '').trim();
  return name || uid;
}

/** `0x5ED44E0712BB962A`: the key ID (last 16 hex digits) people search for. */
export function keyIdOf(fingerprint: string): string {
  return `0x${fingerprint.slice(-16)}`;
}

/** The fingerprint in groups of four, as gpg prints it (`18F3 CCCA 90EE …`). */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The image's signers, one per fingerprint in signature order, each matched to the keyring:
 * a known key shows its name, an unknown one offers "Import key…".
 */
export function signersOf(report: SifReport, keys: readonly KeyItem[]): readonly Signer[] {
  const byFingerprint = new Map(keys.map((k) => [k.fingerprint.toUpperCase(), k]));
  const out = new Map<string, { signer: Signer; ids: number[] }>();
  for (const sig of report.signatures) {
    const fingerprint = sig.fingerprint?.toUpperCase();
    const slot = fingerprint ?? `#${sig.id}`;
    const found = out.get(slot);
    if (found) {
      found.ids.push(sig.id);
      continue;
    }
    const ids = [sig.id];
    const key = fingerprint ? byFingerprint.get(fingerprint) : undefined;
    out.set(slot, {
      ids,
      signer: { fingerprint, key, signatureIds: ids, format: sig.format },
    });
  }
  return [...out.values()].map(({ signer }) => signer);
}

/** One signature's result from `sif:verify` (engine `SignatureResult`). */
export type SignatureCheck = ResponseOf<'sif:verify'>['report']['signatures'][number];
/** What `sif:verify` decided about one signature. */
export type Verdict = SignatureCheck['verdict'];

/** Each verdict in words, and whether it counts as a pass (UI.md S11: "its verdict in words"). */
export const VERDICT_WORDS: Readonly<
  Record<Verdict, { readonly text: string; readonly ok: boolean }>
> = {
  verified: { text: 'verified', ok: true },
  'legacy-verified': { text: 'verified (legacy format)', ok: true },
  'data-tampered': { text: 'the data changed since it was signed', ok: false },
  'descriptor-tampered': { text: 'the object table changed since it was signed', ok: false },
  'header-tampered': { text: 'the header changed since it was signed', ok: false },
  'objects-changed': { text: 'objects were added or removed since it was signed', ok: false },
  'unknown-signer': { text: "the signer's public key is not in your keyring", ok: false },
  'bad-signature': { text: 'the signature does not match', ok: false },
  'fingerprint-mismatch': { text: 'signed by another key than it names', ok: false },
  'legacy-needs-insecure': { text: 'legacy signature, not checked', ok: false },
  'dsse-unsupported': { text: 'DSSE signature, not checked', ok: false },
  malformed: { text: 'the signature is malformed', ok: false },
  'not-checked': { text: 'not checked', ok: false },
};

/** The worst verdict among a signer's signatures (a failure outweighs a pass). */
export function signerVerdict(
  signer: Signer,
  checks: readonly SignatureCheck[],
): Verdict | undefined {
  const mine = checks.filter((c) => signer.signatureIds.includes(c.id));
  return (mine.find((c) => !VERDICT_WORDS[c.verdict].ok) ?? mine[0])?.verdict;
}

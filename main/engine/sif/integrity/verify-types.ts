import type { Key } from 'openpgp';

import type { SignatureFormat } from './cleartext.js';
import type { SifDescriptor } from '../format/descriptor.js';
import type { DigestCache } from './digest.js';
import type { SifImage } from '../format/load.js';
import type { Signer } from './pgp-verify.js';

/**
 * The outcome for one signature object (spec B6, B7, B8). Every failure kind is distinct so the
 * UI can say exactly what happened:
 * - `verified`: signature, header, descriptors and data all check out.
 * - `legacy-verified`: a legacy signature checked with `legacyInsecure` (covers data only).
 * - `data-tampered` / `descriptor-tampered` / `header-tampered`: a digest no longer matches.
 * - `objects-changed`: the group gained or lost objects since signing.
 * - `unknown-signer`: no given public key has the issuer's key ID.
 * - `bad-signature`: the key was found but the OpenPGP signature does not verify with it.
 * - `fingerprint-mismatch`: valid signature, but the descriptor names another key.
 * - `legacy-needs-insecure`: a legacy signature, not accepted without `legacyInsecure`.
 * - `dsse-unsupported`: a DSSE envelope (PEM keys), which OpenPGP keys cannot verify.
 * - `malformed`: the signature object or its payload cannot be read.
 * - `not-checked`: outside the selected groups/objects, or of the other mode (legacy/current).
 */
export type Verdict =
  | 'verified'
  | 'legacy-verified'
  | 'data-tampered'
  | 'descriptor-tampered'
  | 'header-tampered'
  | 'objects-changed'
  | 'unknown-signer'
  | 'bad-signature'
  | 'fingerprint-mismatch'
  | 'legacy-needs-insecure'
  | 'dsse-unsupported'
  | 'malformed'
  | 'not-checked';

/** Digest checks of one covered object (spec B6 step 4.6). */
export interface ObjectCheck {
  readonly id: number;
  readonly descriptorOk: boolean;
  readonly dataOk: boolean;
}

/** Per-signature result: who, what it covers, and the verdict. */
export interface SignatureResult {
  /** Object ID of the signature object. */
  readonly id: number;
  readonly format: SignatureFormat;
  /** What the signature links to (spec B4: a group; B7: an object or a group). */
  readonly linkedId: number;
  readonly linkedIsGroup: boolean;
  /** Hash type name recorded in the descriptor (`SHA-256`). */
  readonly hashType: string | undefined;
  /** Fingerprint recorded in the descriptor (upper-case hex), if any. */
  readonly fingerprint: string | undefined;
  /** The key that made it, when that key was among the given ones. */
  readonly signer: Signer | undefined;
  readonly issuerKeyId: string | undefined;
  /** Signature creation time, Unix seconds, once verified. */
  readonly signedAt: number | undefined;
  /** IDs of the objects the signature claims to cover (from its payload). */
  readonly coveredIds: readonly number[];
  /** IDs whose descriptor and data matched, in table order. */
  readonly verifiedIds: readonly number[];
  readonly objects: readonly ObjectCheck[];
  readonly verdict: Verdict;
  /** Human explanation of the verdict. */
  readonly message: string;
}

/** One verification task: a group, or one object (spec B6 step 2, B7). */
export interface TaskResult {
  readonly kind: 'group' | 'object';
  /** Group ID for group tasks, object ID for object tasks. */
  readonly id: number;
  readonly legacy: boolean;
  readonly ok: boolean;
  /** IDs of the signature objects that applied to this task. */
  readonly signatureIds: readonly number[];
  readonly message: string;
}

/** Everything `verifySif` found. `ok` matches `apptainer verify`'s exit status. */
export interface VerifyReport {
  readonly ok: boolean;
  /** One entry per signature object in the image, in table order. */
  readonly signatures: readonly SignatureResult[];
  readonly tasks: readonly TaskResult[];
  /** Image-level reasons for failure (ungrouped objects, nothing to verify). */
  readonly problems: readonly string[];
}

/** Shared state of one verification run (internal to the verifier modules). */
export interface VerifyContext {
  readonly image: SifImage;
  readonly keys: readonly Key[];
  readonly date: Date;
  readonly cache: DigestCache;
}

/** The fields of a {@link SignatureResult} that come straight from the descriptor. */
export function describeSignature(
  sig: SifDescriptor,
  format: SignatureFormat,
): Pick<
  SignatureResult,
  'id' | 'format' | 'linkedId' | 'linkedIsGroup' | 'hashType' | 'fingerprint'
> {
  const details = sig.details.kind === 'signature' ? sig.details : undefined;
  return {
    id: sig.id,
    format,
    linkedId: sig.linkedId,
    linkedIsGroup: sig.linkedIsGroup,
    hashType: details?.hashTypeName,
    fingerprint: details?.fingerprint,
  };
}

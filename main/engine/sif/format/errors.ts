import type { ErrorCode, ErrorInfo } from '../../../../shared/error-codes.js';

/**
 * Fine-grained failure kinds of the SIF engine and the key store. Each maps onto one of the
 * shared {@link ErrorCode}s (see {@link sifErrorToInfo}); the finer code travels in `detail` so
 * the CLI and UI can still tell, say, a wrong passphrase from an unreadable key.
 */
export type SifErrorCode =
  /** No `SIF_MAGIC\0` at offset 32, or too short to hold a header (spec A2, A7 step 1). */
  | 'NOT_A_SIF'
  /** Header or descriptor table inconsistent with itself or with the file size (spec A7). */
  | 'SIF_MALFORMED'
  /** Magic is right but the version is not `01` (spec A2). */
  | 'SIF_UNSUPPORTED_VERSION'
  /** The input uses a feature this engine does not implement (e.g. xz squashfs). */
  | 'UNSUPPORTED'
  /** A request names an object or group that the image does not hold (spec A5). */
  | 'OBJECT_NOT_FOUND'
  /** The image cannot take the change, e.g. no free descriptor slot (spec A8). */
  | 'SIF_FULL'
  /** Signing or verification failed as a whole (spec B5, B6). */
  | 'SIGNATURE_INVALID'
  /** A key could not be read, is the wrong kind, or cannot sign (spec B9). */
  | 'KEY_INVALID'
  /** The private key is protected and no passphrase was given. */
  | 'PASSPHRASE_REQUIRED'
  /** The passphrase does not unlock the private key. */
  | 'PASSPHRASE_WRONG'
  /** A key that was asked for is not in the keyring. */
  | 'KEY_NOT_FOUND'
  /** The byte source or file system failed underneath us. */
  | 'IO_ERROR'
  /** A caller passed options that cannot work together. */
  | 'USAGE';

const SHARED_CODE: Readonly<Record<SifErrorCode, ErrorCode>> = {
  NOT_A_SIF: 'NOT_A_SIF',
  SIF_MALFORMED: 'NOT_A_SIF',
  SIF_UNSUPPORTED_VERSION: 'UNSUPPORTED',
  UNSUPPORTED: 'UNSUPPORTED',
  OBJECT_NOT_FOUND: 'NOT_FOUND',
  SIF_FULL: 'UNSUPPORTED',
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  KEY_INVALID: 'KEY_INVALID',
  PASSPHRASE_REQUIRED: 'KEY_INVALID',
  PASSPHRASE_WRONG: 'KEY_INVALID',
  KEY_NOT_FOUND: 'NOT_FOUND',
  IO_ERROR: 'FILE_ERROR',
  USAGE: 'USAGE',
};

/**
 * The one error type the SIF engine and key store throw on purpose. Messages say what is wrong
 * and what to do; they never contain passphrases or key material.
 */
export class SifError extends Error {
  override readonly name = 'SifError';
  /** The fine-grained failure kind. */
  readonly code: SifErrorCode;
  /** Machine-readable context (object ids, offsets); never secrets. */
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: SifErrorCode,
    message: string,
    detail?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.detail = detail;
  }
}

/** True when `value` is a {@link SifError}, optionally of the given code. */
export function isSifError(value: unknown, code?: SifErrorCode): value is SifError {
  return value instanceof SifError && (code === undefined || value.code === code);
}

/**
 * Turns a {@link SifError} into the shared error-as-data shape that crosses IPC and `--json`.
 * The fine code goes into `detail.sifCode`.
 */
export function sifErrorToInfo(error: SifError): ErrorInfo {
  return {
    code: SHARED_CODE[error.code],
    message: error.message,
    retryable: error.code === 'IO_ERROR',
    detail: { sifCode: error.code, ...error.detail },
  };
}

/** Shorthand for the malformed-image error raised all over the parser (spec A7). */
export function malformed(message: string, detail?: Readonly<Record<string, unknown>>): SifError {
  return new SifError('SIF_MALFORMED', `Malformed SIF: ${message}`, detail);
}

/** Short text of an unknown thrown value, for wrapping library errors in our own messages. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return String(cause);
}

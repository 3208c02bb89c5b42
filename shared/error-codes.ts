/**
 * The closed set of error codes that cross every boundary (engine → CLI, engine → IPC →
 * renderer). The UI and scripts switch on these; messages are for people.
 */
export const ERROR_CODES = [
  'AUTH_REQUIRED',
  'DENIED',
  'NOT_FOUND',
  'NAME_INVALID',
  'REFERENCE_INVALID',
  'UNSUPPORTED',
  'RATE_LIMITED',
  'NETWORK',
  'TLS',
  'INSECURE_REFUSED',
  'DIGEST_MISMATCH',
  'SIZE_MISMATCH',
  'NOT_A_SIF',
  'MANIFEST_INVALID',
  'UPLOAD_INVALID',
  'TOO_LARGE',
  'SERVER_ERROR',
  'CANCELLED',
  'FILE_ERROR',
  'CONFIG_INVALID',
  'USAGE',
  'SIGNATURE_INVALID',
  'KEY_INVALID',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as data: what crosses IPC and what `--json` prints. Never holds a secret. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryable: boolean;
  readonly detail?: unknown;
}

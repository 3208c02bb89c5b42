import type { ErrorCode, ErrorInfo } from '../../shared/error-codes.js';
import { redact } from './redact.js';

/** Options for {@link SifportError}: the HTTP status and spec code when a registry answered. */
export interface SifportErrorOptions {
  readonly retryable?: boolean;
  readonly status?: number;
  readonly registryCode?: string;
  readonly detail?: unknown;
  readonly cause?: unknown;
}

/**
 * The one error type the engine throws on purpose. `code` is what callers switch on,
 * `message` says what went wrong and what to do, `retryable` says whether trying again
 * may help (ggcr's `Temporary()`). Messages pass through {@link redact} so a secret that
 * slipped into one never leaves the engine.
 */
export class SifportError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly registryCode: string | undefined;
  readonly detail: unknown;

  constructor(code: ErrorCode, message: string, options: SifportErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SifportError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.status = options.status;
    this.registryCode = options.registryCode;
    this.detail = options.detail;
  }

  /** The error as data, for `--json` output and IPC. */
  toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

/** True when `err` is a {@link SifportError}, optionally with one of the given codes. */
export function isSifportError(err: unknown, ...codes: ErrorCode[]): err is SifportError {
  return err instanceof SifportError && (codes.length === 0 || codes.includes(err.code));
}

/** Wraps anything thrown into a {@link SifportError} (unexpected errors become INTERNAL). */
export function toSifportError(err: unknown): SifportError {
  if (err instanceof SifportError) return err;
  if (isAbortError(err)) return new SifportError('CANCELLED', 'Cancelled.');
  const message = err instanceof Error ? err.message : String(err);
  return new SifportError('INTERNAL', `Unexpected error: ${message}`, { cause: err });
}

/** True for the errors that an aborted AbortSignal produces in Node's APIs. */
export function isAbortError(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.name === 'AbortError' || (err as NodeJS.ErrnoException).code === 'ABORT_ERR')
  );
}

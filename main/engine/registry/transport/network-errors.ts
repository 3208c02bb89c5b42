import type { Readable } from 'node:stream';
import { SifportError, isAbortError } from '../../errors.js';
import { isCertificateErrorCode } from './tls-errors.js';

/** True when `err` is a certificate failure: the host speaks TLS but is not trusted. */
export function isCertificateError(err: SifportError): boolean {
  const code = (err.cause as NodeJS.ErrnoException | undefined)?.code;
  return err.code === 'TLS' && isCertificateErrorCode(code);
}

/** Turns a socket-level failure into a typed error that says what to do. */
export function networkError(err: unknown, url: URL): SifportError {
  if (err instanceof SifportError) return err;
  if (isAbortError(err)) return new SifportError('CANCELLED', 'Cancelled.');
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  const where = url.host;
  if (isCertificateErrorCode(code)) {
    return new SifportError(
      'TLS',
      `TLS certificate of ${where} was not accepted (${code}). If the registry uses a private CA, pass its certificate with --ca-file; --insecure skips verification.`,
      { cause: err },
    );
  }
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(e.message ?? '')) {
    return new SifportError(
      'TLS',
      `${where} does not speak HTTPS. If it is a plain-HTTP registry you trust, use --plain-http.`,
      { cause: err },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new SifportError('NETWORK', `Cannot resolve host ${url.hostname}: check the name.`, {
      retryable: code === 'EAI_AGAIN',
      cause: err,
    });
  }
  if (code === 'ECONNREFUSED') {
    return new SifportError(
      'NETWORK',
      `Connection to ${where} refused: is the registry running and the port right?`,
      { retryable: true, cause: err },
    );
  }
  return new SifportError(
    'NETWORK',
    `Network error talking to ${where}: ${code || e.message || 'connection failed'}.`,
    { retryable: true, cause: err },
  );
}

/** Error codes of a connection that broke (not of a local failure such as a full disk). */
const CONNECTION_ERRNOS = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/**
 * The error for a response body that broke after its headers arrived (issue #10 item 11):
 * a retryable NETWORK error, so callers resume or ask again instead of reporting "INTERNAL:
 * aborted". Errors that are not about the connection (a full disk in the consumer that
 * destroyed the body) are returned as they are.
 */
export function bodyError(err: Error, url: URL): Error {
  if (err instanceof SifportError || isAbortError(err)) return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const tlsFailure = code.startsWith('ERR_SSL') || /^(EPROTO|ERR_TLS)/.test(code);
  if (!CONNECTION_ERRNOS.has(code) && !tlsFailure && err.message !== 'aborted') return err;
  return new SifportError(
    'NETWORK',
    `The connection to ${url.host} broke before the whole answer arrived (${code || err.message}). Sifport retries such breaks; if this keeps happening, check the network or proxy.`,
    { retryable: true, cause: err },
  );
}

/**
 * Makes every failure of `body` that comes from the connection a {@link bodyError}: Node
 * fails a cut response with a plain `Error('aborted')` through `destroy`, which this wraps
 * per instance (no extra stream in the byte path).
 */
export function failBodyAsNetworkError(body: Readable, url: URL): void {
  const destroy = body.destroy.bind(body);
  body.destroy = (error?: Error, ...rest: unknown[]): Readable =>
    (destroy as (...args: unknown[]) => Readable)(error ? bodyError(error, url) : error, ...rest);
}

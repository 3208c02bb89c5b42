import { SifportError } from './errors.js';
import { isSifError, sifErrorToInfo } from './sif/index.js';

/**
 * A SIF engine or key store error (`SifError`, with its fine code) as the shared
 * `SifportError` every front end shows: the shared code, `retryable`, the fine code in
 * `detail.sifCode`, and `message` when the caller words it (the CLI adds hints). Anything
 * else is returned as it is. The CLI, the window's handlers and the engine's own use cases
 * (a pull that verifies) all convert through here.
 */
export function asSifportError(err: unknown, message?: string): unknown {
  if (!isSifError(err)) return err;
  const info = sifErrorToInfo(err);
  return new SifportError(info.code, message ?? info.message, {
    retryable: info.retryable,
    detail: info.detail,
    cause: err,
  });
}

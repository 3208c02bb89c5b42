import assert from 'node:assert/strict';

import { SifportError } from '../../main/engine/errors.js';

/**
 * Runs `action`, which must fail with a {@link SifportError}, and returns that error so the
 * test can check its code and message; fails the test when `action` succeeds or throws
 * anything else.
 */
export async function failure(action: () => Promise<unknown>): Promise<SifportError> {
  const err = await action().then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof SifportError, `expected a SifportError, got ${String(err)}`);
  return err;
}

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { waitFor } from './poll.js';

test('waitFor resolves as soon as the condition holds, sync or async', async () => {
  let calls = 0;
  await waitFor(() => ++calls === 3, { what: 'three calls', intervalMs: 1 });
  assert.equal(calls, 3);
  await waitFor(async () => true, { what: 'an async yes' });
});

test('waitFor fails after its timeout, naming what it waited for', async () => {
  const started = Date.now();
  let seen = 0;
  await assert.rejects(
    waitFor(() => (seen++, false), { timeoutMs: 50, what: () => `a miracle (checked ${seen}×)` }),
    (err: Error) => {
      assert.match(err.message, /^timed out after 50 ms waiting for a miracle \(checked \d+×\)$/);
      return true;
    },
  );
  assert.ok(Date.now() - started >= 50, 'it waited the whole timeout');
});

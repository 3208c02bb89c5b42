import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseReference } from '../../main/engine/registry/reference.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { fetchTokenStats } from '../support/testbed-env.js';
import { bed, clientFor, MiB, skip, suiteSif, uniqueRepo } from './bed.js';

describe('token requests per transfer (issue #13: one request for pull+push)', () => {
  const sif = suiteSif('token-requests', 'tokens.sif', 3 * MiB);

  it('a push to a new repository asks the token server once', { skip }, async () => {
    const info = bed!;
    const repo = uniqueRepo('tokens-push');
    const client = clientFor(info, 'bearer');
    try {
      const before = (await fetchTokenStats(info)).byRepository[repo] ?? 0;
      await pushSif({
        client,
        file: sif.path,
        reference: parseReference(`oras://${info.bearer.host}/${repo}:v1`),
      });
      const after = (await fetchTokenStats(info)).byRepository[repo] ?? 0;
      assert.equal(after - before, 1, 'token requests naming the repository');
    } finally {
      client.close();
    }
  });
});

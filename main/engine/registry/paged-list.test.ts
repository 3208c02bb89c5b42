import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { RegistryClient } from './client.js';
import { iterateRepositories, iterateTags, listRepositories, listTags } from './listing.js';
import { MAX_ENTRIES, MAX_PAGES } from './paged-list.js';
import {
  loopbackClient,
  NO_RETRY,
  startEndlessRegistry,
  type EndlessRegistry,
} from '../../../e2e/kit/index.js';

describe('paged listings of a registry that never stops (issue #10)', () => {
  let registry: EndlessRegistry;
  let client: RegistryClient;

  before(async () => {
    // `wide` tags and the catalog come 1 000 entries a page, other tags one a page.
    registry = await startEndlessRegistry(['/v2/wide/tags/list', '/v2/_catalog']);
    client = loopbackClient(registry.host, { retry: NO_RETRY });
  });
  after(async () => {
    client.close();
    await registry.stop();
  });

  async function tooLarge(listing: Promise<unknown>, why: RegExp): Promise<void> {
    await assert.rejects(listing, (err: unknown) => {
      assert.equal((err as { code?: string }).code, 'TOO_LARGE', String(err));
      assert.match((err as Error).message, why);
      assert.match((err as Error).message, /incomplete/);
      return true;
    });
  }

  it(`stops after ${MAX_PAGES} distinct pages by default`, { timeout: 60_000 }, async () => {
    const before = registry.pages();
    await tooLarge(listTags(client, 'narrow'), new RegExp(`more than ${MAX_PAGES} pages`));
    assert.equal(registry.pages() - before, MAX_PAGES);
  });

  it(
    `stops past ${MAX_ENTRIES} entries by default, tags and catalog alike`,
    { timeout: 60_000 },
    async () => {
      const pagesToCap = MAX_ENTRIES / 1000 + 1;
      let before = registry.pages();
      await tooLarge(listTags(client, 'wide'), new RegExp(`more than ${MAX_ENTRIES} entries`));
      assert.equal(registry.pages() - before, pagesToCap);
      before = registry.pages();
      await tooLarge(listRepositories(client), new RegExp(`more than ${MAX_ENTRIES} entries`));
      assert.equal(registry.pages() - before, pagesToCap);
    },
  );

  it('takes smaller caps as options', async () => {
    await tooLarge(listTags(client, 'narrow', { maxPages: 3 }), /more than 3 pages/);
    await tooLarge(listTags(client, 'wide', { maxEntries: 1500 }), /more than 1500 entries/);
  });

  it('streams pages as they arrive: stopping early fetches no more', async () => {
    const before = registry.pages();
    const seen: string[] = [];
    for await (const page of iterateTags(client, 'narrow')) {
      seen.push(...page);
      if (seen.length === 2) break;
    }
    assert.deepEqual(seen, ['t0-0', 't1-0']);
    assert.equal(registry.pages() - before, 2);
    for await (const page of iterateRepositories(client)) {
      assert.equal(page.length, 1000);
      break;
    }
    assert.equal(registry.pages() - before, 3);
  });
});

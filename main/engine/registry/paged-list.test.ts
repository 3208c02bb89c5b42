import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { RegistryClient } from './client.js';
import { iterateRepositories, iterateTags, listRepositories, listTags } from './listing.js';
import { MAX_ENTRIES, MAX_PAGES } from './paged-list.js';

const NO_RETRY = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 };
/** The server fails pages past this one, so an uncapped listing fails fast, not slowly. */
const SERVER_GIVES_UP = 1_200;

/**
 * A registry whose listings never end: every page links to a next page that differs only in
 * a query parameter. `/v2/<name>/tags/list` pages hold one tag, `/v2/wide/tags/list` pages
 * 1 000, the catalog 1 000 repositories.
 */
function endlessRegistry(): { server: Server; pages: () => number } {
  let pages = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v2/') {
      res.writeHead(200).end();
      return;
    }
    pages += 1;
    const page = Number(url.searchParams.get('page') ?? '0');
    if (page > SERVER_GIVES_UP) {
      res.writeHead(500).end();
      return;
    }
    const wide = url.pathname === '/v2/wide/tags/list' || url.pathname === '/v2/_catalog';
    const names = Array.from({ length: wide ? 1000 : 1 }, (_, i) => `t${page}-${i}`);
    const key = url.pathname === '/v2/_catalog' ? 'repositories' : 'tags';
    res.writeHead(200, {
      'content-type': 'application/json',
      link: `<${url.pathname}?page=${page + 1}>; rel="next"`,
    });
    res.end(JSON.stringify({ [key]: names }));
  });
  return { server, pages: () => pages };
}

describe('paged listings of a registry that never stops (issue #10)', () => {
  let registry: ReturnType<typeof endlessRegistry>;
  let client: RegistryClient;

  before(async () => {
    registry = endlessRegistry();
    await new Promise<void>((r) => registry.server.listen(0, '127.0.0.1', r));
    const { port } = registry.server.address() as AddressInfo;
    client = new RegistryClient({
      registry: `127.0.0.1:${port}`,
      plainHttp: true,
      retry: NO_RETRY,
    });
  });
  after(async () => {
    client.close();
    await new Promise((r) => registry.server.close(r));
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

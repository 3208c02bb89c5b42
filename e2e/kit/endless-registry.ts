import { createServer } from 'node:http';

import { listenOnLoopback, type LoopbackServer } from '../support/loopback-server.js';

/** The fake fails pages past this one, so an uncapped listing fails fast, not slowly. */
const GIVES_UP_AFTER_PAGE = 1_200;

/** A running {@link startEndlessRegistry}. */
export interface EndlessRegistry extends LoopbackServer {
  /** Listing pages served so far (the `/v2/` ping not counted). */
  pages(): number;
}

/**
 * Starts a registry on 127.0.0.1 whose tag and catalog listings never end (issue #10): every
 * page links to a next page that differs only in a query parameter. A page holds one entry
 * (`t<page>-0`), or 1 000 (`t<page>-<i>`) on the paths in `widePaths` (`/v2/_catalog`,
 * `/v2/NAME/tags/list`). For the tests that prove a listing stops at its page and entry caps.
 */
export async function startEndlessRegistry(
  widePaths: readonly string[] = [],
): Promise<EndlessRegistry> {
  let pages = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v2/') {
      res.writeHead(200).end();
      return;
    }
    pages += 1;
    const page = Number(url.searchParams.get('page') ?? '0');
    if (page > GIVES_UP_AFTER_PAGE) {
      res.writeHead(500).end();
      return;
    }
    const wide = widePaths.includes(url.pathname);
    const names = Array.from({ length: wide ? 1000 : 1 }, (_, i) => `t${page}-${i}`);
    const key = url.pathname === '/v2/_catalog' ? 'repositories' : 'tags';
    res.writeHead(200, {
      'content-type': 'application/json',
      link: `<${url.pathname}?page=${page + 1}>; rel="next"`,
    });
    res.end(JSON.stringify({ [key]: names }));
  });
  return { ...(await listenOnLoopback(server)), pages: () => pages };
}

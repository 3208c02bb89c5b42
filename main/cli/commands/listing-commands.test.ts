import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { runCli } from '../main.js';

/** A registry whose tag and catalog listings never end (one entry per page, distinct links). */
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
    if (page > 1_200) {
      res.writeHead(500).end();
      return;
    }
    const key = url.pathname === '/v2/_catalog' ? 'repositories' : 'tags';
    res.writeHead(200, {
      'content-type': 'application/json',
      link: `<${url.pathname}?page=${page + 1}>; rel="next"`,
    });
    res.end(JSON.stringify({ [key]: [`e${page}`] }));
  });
  return { server, pages: () => pages };
}

describe('sifport tags / repos on a registry that pages forever (issue #10)', () => {
  let registry: ReturnType<typeof endlessRegistry>;
  let host = '';
  let home = '';

  before(async () => {
    registry = endlessRegistry();
    await new Promise<void>((r) => registry.server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(registry.server.address() as AddressInfo).port}`;
    home = await mkdtemp(join(tmpdir(), 'sifport-listing-cli-'));
  });
  after(async () => {
    await new Promise((r) => registry.server.close(r));
    await rm(home, { recursive: true, force: true });
  });

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    let pagesAtFirstLine: number | undefined;
    const code = await runCli(argv, {
      stdout: {
        write: (t: string) => {
          pagesAtFirstLine ??= registry.pages();
          stdout += t;
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: (async function* () {})(),
      env: { SIFPORT_CONFIG_DIR: join(home, 'config'), HOME: home },
      isTTY: false,
      cwd: home,
    });
    return { code, lines: stdout.split('\n').filter(Boolean), stderr, pagesAtFirstLine };
  }

  for (const [command, target] of [
    ['tags', (h: string) => `oras://${h}/endless`],
    ['repos', (h: string) => h],
  ] as const) {
    it(
      `${command} prints each page as it arrives, then fails saying the listing was cut`,
      { timeout: 60_000 },
      async () => {
        const before = registry.pages();
        const result = await run([command, target(host)]);
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.lines.length, 1000);
        assert.equal(result.lines[0], 'e0');
        assert.ok(
          (result.pagesAtFirstLine ?? Infinity) - before <= 2,
          'the first page was printed at once',
        );
        assert.match(result.stderr, /^sifport: .*more than 1000 pages.*incomplete/);
        assert.equal(result.stderr.split('\n').filter(Boolean).length, 1);
      },
    );
  }
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  startEndlessRegistry,
  suiteTempDir,
  type EndlessRegistry,
} from '../../../e2e/kit/index.js';
import { runCli } from '../main.js';

describe('sifport tags / repos on a registry that pages forever (issue #10)', () => {
  let registry: EndlessRegistry;
  const home = suiteTempDir('sifport-listing-cli-');

  before(async () => {
    registry = await startEndlessRegistry();
  });
  after(() => registry.stop());

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
      env: { SIFPORT_CONFIG_DIR: join(home.path, 'config'), HOME: home.path },
      isTTY: false,
      cwd: home.path,
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
        const result = await run([command, target(registry.host)]);
        assert.equal(result.code, 1, result.stderr);
        assert.equal(result.lines.length, 1000);
        assert.equal(result.lines[0], 't0-0');
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

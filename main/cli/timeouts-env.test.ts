import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { runCli } from './main.js';
import { suiteTempDir } from '../../e2e/kit/index.js';

/** Runs `sifport argv` in process with `env` added; returns the exit status and stderr. */
async function run(
  argv: string[],
  env: Record<string, string>,
  home: string,
): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: () => undefined },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: (async function* () {})(),
    env: { SIFPORT_CONFIG_DIR: join(home, 'config'), HOME: home, ...env },
    isTTY: false,
    cwd: home,
  });
  return { code, stderr };
}

/** Issue #10 item 8: the limits are set through SIFPORT_* variables (seconds). */
describe('timeouts from the environment (issue #10 item 8)', () => {
  const home = suiteTempDir('sifport-timeouts-');
  let silent: Server;
  let host: string;
  const sockets = new Set<Socket>();

  before(async () => {
    // Accepts connections and never answers (nor speaks TLS).
    silent = createServer((s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    silent.close();
  });

  it(
    'a registry that never answers fails within SIFPORT_FIRST_BYTE_TIMEOUT',
    { timeout: 20_000 },
    async () => {
      const result = await run(
        ['tags', `oras://${host}/lab/app`, '--plain-http'],
        {
          SIFPORT_FIRST_BYTE_TIMEOUT: '0.2',
          SIFPORT_RETRY_BUDGET: '1',
        },
        home.path,
      );
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /no answer within 0\.2 s/);
      assert.match(result.stderr, /SIFPORT_FIRST_BYTE_TIMEOUT/);
    },
  );

  it('a value that is not a number of seconds is a clear configuration error', async () => {
    const result = await run(
      ['tags', `oras://${host}/lab/app`],
      { SIFPORT_CONNECT_TIMEOUT: 'soon' },
      home.path,
    );
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /SIFPORT_CONNECT_TIMEOUT=soon is not a number of seconds/);
  });
});

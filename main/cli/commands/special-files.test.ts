import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { suiteFifo } from '../../../e2e/kit/index.js';

const CLI = fileURLToPath(new URL('../../cli.ts', import.meta.url));
/** The checkout, where `--import tsx` resolves. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/sif/', import.meta.url));
/** A child still running after this long is killed, so a hang fails the test. */
const KILL_AFTER_MS = 20_000;

interface Exit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderr: string;
}

describe('FIFOs and other special files given to the CLI (issue #10)', () => {
  const fifo = suiteFifo('sifport-special-');

  /** Runs the real `sifport` in a child process, killed if it blocks. */
  function sifport(args: string[]): Promise<Exit> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', CLI, ...args],
        {
          timeout: KILL_AFTER_MS,
          killSignal: 'SIGKILL',
          env: { ...process.env, SIFPORT_CONFIG_DIR: join(fifo.dir, 'config'), HOME: fifo.dir },
          cwd: ROOT,
        },
        (err, _stdout, stderr) => {
          const e = err as (Error & { code?: unknown; signal?: string | null }) | null;
          resolve({
            code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
            signal: e?.signal ?? null,
            stderr,
          });
        },
      );
    });
  }

  function refused(exit: Exit, what: RegExp): void {
    assert.equal(exit.signal, null, `killed after ${KILL_AFTER_MS} ms: it blocked on the FIFO`);
    assert.equal(exit.code, 1, exit.stderr);
    assert.match(exit.stderr, what);
    assert.match(exit.stderr, /FIFO \(named pipe\)|not a regular file/);
  }

  const timeout = { timeout: KILL_AFTER_MS + 10_000 };
  const cases: [string, () => string[], RegExp][] = [
    ['inspect FIFO', () => ['inspect', fifo.path], /pipe/],
    ['verify FIFO', () => ['verify', fifo.path, '--key', `${FIXTURES}test-public.asc`], /pipe/],
    ['sign FIFO', () => ['sign', fifo.path, '--key', `${FIXTURES}test-private.asc`], /pipe/],
    ['push FIFO', () => ['push', fifo.path, 'oras://127.0.0.1:1/x:t'], /pipe/],
    [
      'verify --key FIFO',
      () => ['verify', `${FIXTURES}signed.sif`, '--key', fifo.path],
      /key file/,
    ],
    [
      'tags --ca-file FIFO',
      () => ['tags', '--ca-file', fifo.path, 'oras://127.0.0.1:1/x'],
      /CA file/,
    ],
  ];
  for (const [name, args, what] of cases) {
    it(`sifport ${name} is refused at once, naming the path`, timeout, async () => {
      refused(await sifport(args()), what);
    });
  }
});

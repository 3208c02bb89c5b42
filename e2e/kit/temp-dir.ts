import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach } from 'node:test';

import { suiteResource } from './suite-resource.js';

/** A suite's scratch directory: read `path` in tests and later hooks, once `before` has run. */
export interface SuiteTempDir {
  /** Absolute path of the directory. */
  readonly path: string;
}

/**
 * Registers hooks on the current suite (or on the file, when called at top level): `before`
 * makes a fresh directory `<os tmp>/<prefix>XXXXXX`, `after` removes it with all it holds. The
 * one way tests get a scratch folder, so none forgets to clean up or leaks one on failure.
 */
export function suiteTempDir(prefix: string): SuiteTempDir {
  return suiteResource(
    `${prefix}…`,
    () => ({ path: mkdtempSync(join(tmpdir(), prefix)) }),
    (made) => rm(made.path, { recursive: true, force: true }),
  );
}

/**
 * Registers hooks on the current suite: `beforeEach` makes a fresh directory
 * `<os tmp>/<prefix>XXXXXX` for each test, `after` removes them all. For suites whose tests
 * must not see each other's files; `path` is the current test's directory.
 */
export function perTestTempDir(prefix: string): SuiteTempDir {
  const made: string[] = [];
  beforeEach(() => {
    made.push(mkdtempSync(join(tmpdir(), prefix)));
  });
  after(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    get path() {
      const path = made.at(-1);
      if (path === undefined) throw new Error(`${prefix}… is read before a test's beforeEach`);
      return path;
    },
  };
}

/** A named pipe in a suite's scratch directory; read the fields once `before` has run. */
export interface SuiteFifo {
  /** The scratch directory the FIFO is in (also usable for other files). */
  readonly dir: string;
  /** Absolute path of the FIFO. */
  readonly path: string;
}

/**
 * Registers hooks on the current suite: a scratch directory (as {@link suiteTempDir}) holding
 * a FIFO called `name` (`mkfifo`, no writer), for the tests that prove a path which is a pipe
 * is refused rather than read (a read would block until a writer comes, issue #10).
 */
export function suiteFifo(prefix: string, name = 'pipe'): SuiteFifo {
  return suiteResource(
    `${prefix}…/${name}`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      execFileSync('mkfifo', [join(dir, name)]);
      return { dir, path: join(dir, name) };
    },
    (made) => rm(made.dir, { recursive: true, force: true }),
  );
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { hasCommand } from './commands.js';
import { suiteResource } from './suite-resource.js';

/** Where Debian's `golang-github-sylabs-sif-dev` puts the upstream library's source. */
const UPSTREAM_GO_SOURCE = '/usr/share/gocode/src/github.com/sylabs/sif';

/** The verifier's Go source, kept beside the SIF engine it checks. */
const GO_VERIFY_SOURCE = fileURLToPath(
  new URL('../../main/engine/sif/testdata/go-verify/', import.meta.url),
);

/**
 * Builds `main/engine/sif/testdata/go-verify` (a verifier on the upstream Go library) under
 * `root` and returns its path, or undefined when Go or Debian's copy of the library is not
 * installed, so signature tests can compare our verdicts with upstream's. The build uses
 * GOPATH mode over /usr/share/gocode, so it works offline.
 */
export function buildGoVerifier(root: string): string | undefined {
  if (!existsSync(UPSTREAM_GO_SOURCE) || !hasCommand('go', ['version'])) return undefined;
  mkdirSync(join(root, 'src/github.com/sylabs/sif'), { recursive: true });
  symlinkSync(UPSTREAM_GO_SOURCE, join(root, 'src/github.com/sylabs/sif/v2'));
  const binary = join(root, 'go-verify');
  execFileSync('go', ['build', '-o', binary, '.'], {
    cwd: GO_VERIFY_SOURCE,
    env: { ...process.env, GO111MODULE: 'off', GOPATH: `${root}:/usr/share/gocode`, GOFLAGS: '' },
    stdio: 'ignore',
  });
  return binary;
}

/** A suite's scratch directory and the Go verifier built in it, if it could be. */
export interface SuiteGoVerifier {
  /** The directory, also free for the SIFs the suite writes. */
  readonly dir: string;
  /** The verifier's path, or undefined when Go or the upstream library is missing. */
  readonly binary: string | undefined;
}

/**
 * Registers hooks on the current suite: `before` makes a scratch directory
 * `<os tmp>/<prefix>XXXXXX` and builds the Go verifier in it ({@link buildGoVerifier}),
 * `after` removes it. For the signature suites that compare their verdicts with upstream's.
 */
export function suiteGoVerifier(prefix: string): SuiteGoVerifier {
  return suiteResource(
    `${prefix}…`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      return { dir, binary: buildGoVerifier(dir) };
    },
    (made) => rmSync(made.dir, { recursive: true, force: true }),
  );
}

/** Runs the Go verifier; resolves to its output line and whether it exited 0. */
export function goVerify(
  binary: string,
  image: string,
  keyFile: string,
): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: execFileSync(binary, [image, keyFile], { encoding: 'utf8' }).trim(),
    };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: unknown }).stdout ?? error).trim() };
  }
}

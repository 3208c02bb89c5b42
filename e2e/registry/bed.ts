import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Credential } from '../../main/engine/registry/auth/credentials.js';
import { RegistryClient, type RegistryOptions } from '../../main/engine/registry/client.js';
import { parseReference, type Reference } from '../../main/engine/registry/reference.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import { FAST_RETRY, MiB, suiteResource } from '../kit/index.js';
import { loadTestBed, testBedSkipReason } from '../support/testbed-env.js';
import type { TestBedInfo } from '../support/testbed-types.js';

const run = promisify(execFile);

/** The running bed, or undefined (tests then skip with `testBedSkipReason`). */
export const bed: TestBedInfo | undefined = loadTestBed();

/** The `skip` option of tests that need the bed: false when it runs, else the reason. */
export const skip: string | false = bed ? false : testBedSkipReason;

/** The kit's fast retry policy and its SIF files, re-exported for the registry suites. */
export { FAST_RETRY, MiB };
export { failure, makeSif, sha256, suiteSif, type SuiteSif } from '../kit/index.js';

/** One of the bed's four registries. */
export type RegistryName = 'open' | 'basic' | 'bearer' | 'tls';

/** Who to be: a bed user, explicit credentials, or nobody. */
export type Who = 'tester' | 'reader' | 'anonymous' | { username: string; password: string };

function credential(info: TestBedInfo, who: Who): Credential | undefined {
  if (who === 'anonymous') return undefined;
  const user = typeof who === 'string' ? info.users[who] : who;
  return { kind: 'basic', username: user.username, password: user.password };
}

/** A client for one bed registry (TLS trusts the bed CA), retrying fast. */
export function clientFor(
  info: TestBedInfo,
  name: RegistryName,
  who: Who = name === 'open' ? 'anonymous' : 'tester',
  extra: Partial<RegistryOptions> = {},
): RegistryClient {
  return new RegistryClient({
    registry: info[name].host,
    retry: FAST_RETRY,
    credentials: credential(info, who),
    ...(name === 'tls' ? { tls: { caFile: info.caFile } } : {}),
    ...extra,
  });
}

/**
 * Runs `body` with a {@link clientFor} client of bed registry `name` (its usual user) and the
 * reference `repo:tag` there, and closes the client afterwards, however `body` ends.
 */
async function onBed<T>(
  name: RegistryName,
  repo: string,
  tag: string,
  body: (client: RegistryClient, reference: Reference) => Promise<T>,
): Promise<T> {
  const client = clientFor(bed!, name);
  try {
    return await body(client, parseReference(`${bed![name].host}/${repo}:${tag}`));
  } finally {
    client.close();
  }
}

/** Pushes `file` to `repo:tag` on bed registry `name`, as that registry's usual user. */
export async function pushToBed(
  name: RegistryName,
  file: string,
  repo: string,
  tag: string,
): Promise<void> {
  await onBed(name, repo, tag, (client, reference) => pushSif({ client, file, reference }));
}

/**
 * A suite's SIF pushed to a fresh repository of the open registry as `REPO:v1`, in the suite's
 * `before` (no push without the bed: its tests skip). Read `repo` in tests.
 */
export function suitePushedSif(
  sif: { readonly path: string },
  prefix: string,
): { readonly repo: string } {
  return suiteResource(`${prefix} on the open registry`, async () => {
    if (!bed) return { repo: '' };
    const repo = uniqueRepo(prefix);
    await pushToBed('open', sif.path, repo, 'v1');
    return { repo };
  });
}

/**
 * Pulls `repo:tag` straight from bed registry `name` (no proxy in between) to `destination`
 * and asserts the file holds `expected`: how a suite proves what a push really stored.
 */
export async function assertPullsBack(
  name: RegistryName,
  repo: string,
  tag: string,
  destination: string,
  expected: Buffer,
): Promise<void> {
  await onBed(name, repo, tag, (client, reference) => pullSif({ client, reference, destination }));
  assert.ok((await readFile(destination)).equals(expected), 'pulled bytes equal the source');
}

/** A repository name nobody else uses: `sifport-e2e/<prefix>-<random>`. */
export function uniqueRepo(prefix: string): string {
  return `sifport-e2e/${prefix}-${randomBytes(5).toString('hex')}`;
}

/** A temporary directory, removed by the returned function. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `sifport-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** skopeo's transport flags for one bed registry (certificate dir for TLS, creds or none). */
export async function skopeoFlags(
  info: TestBedInfo,
  name: RegistryName,
  who: Who,
  certDir: string,
  direction: 'src' | 'dest' | 'inspect' = 'inspect',
): Promise<string[]> {
  const p = direction === 'inspect' ? '--' : `--${direction}-`;
  const flags: string[] = [];
  if (name === 'tls') {
    await mkdir(certDir, { recursive: true });
    await copyFile(info.caFile, join(certDir, 'ca.crt'));
    flags.push(`${p}cert-dir`, certDir);
  } else {
    flags.push(`${p}tls-verify=false`);
  }
  const cred = credential(info, who);
  if (cred?.kind === 'basic') flags.push(`${p}creds`, `${cred.username}:${cred.password}`);
  else flags.push(`${p}no-creds`);
  return flags;
}

/** Runs skopeo (never through a shell) and returns its stdout. */
export async function skopeo(args: readonly string[]): Promise<string> {
  const { stdout } = await run('skopeo', [...args], {
    timeout: 30_000,
    maxBuffer: 16 * MiB,
    // Keep the user's own registry logins out of the test.
    env: { ...process.env, REGISTRY_AUTH_FILE: join(tmpdir(), 'sifport-e2e-no-auth.json') },
  });
  return stdout;
}

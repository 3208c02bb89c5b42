import { readFileSync } from 'node:fs';

import { sendRequest } from './http-request.js';
import type { TokenStats } from './token-authority.js';
import type { TestBedInfo } from './testbed-types.js';

/** Environment variable holding the path of `testbed.json` (set by scripts/test.ts). */
export const testBedEnvVar = 'SIFPORT_TESTBED';

/** Why registry tests skip when no bed is running; pass it to `t.skip()` or `{ skip }`. */
export const testBedSkipReason =
  `${testBedEnvVar} is not set: no registry test bed is running ` +
  '(npm test starts one; by hand: node --import tsx e2e/support/testbed-cli.ts start DIR, ' +
  `then export ${testBedEnvVar}=DIR/testbed.json)`;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function requireString(value: unknown, path: string): void {
  if (typeof value !== 'string' || value === '') throw new Error(`testbed.json: ${path} missing`);
}

function check(info: unknown): asserts info is TestBedInfo {
  if (!isObject(info)) throw new Error('testbed.json: not an object');
  for (const name of ['open', 'basic', 'bearer', 'tls']) {
    const endpoint = info[name];
    requireString(isObject(endpoint) ? endpoint['host'] : undefined, `${name}.host`);
    requireString(isObject(endpoint) ? endpoint['url'] : undefined, `${name}.url`);
  }
  for (const key of ['dir', 'caFile', 'tokenUrl', 'tokenTlsUrl', 'tokenStatsUrl', 'issuer']) {
    requireString(info[key], key);
  }
  const users = info['users'];
  for (const name of ['tester', 'reader']) {
    const user = isObject(users) ? users[name] : undefined;
    requireString(isObject(user) ? user['password'] : undefined, `users.${name}.password`);
  }
}

/**
 * Reads the description of the running bed from the file named by `SIFPORT_TESTBED`.
 * Returns undefined when the variable is unset (tests then skip with {@link testBedSkipReason});
 * throws when it is set but the file is missing or malformed, since that is a broken setup.
 */
export function loadTestBed(env: NodeJS.ProcessEnv = process.env): TestBedInfo | undefined {
  const file = env[testBedEnvVar];
  if (file === undefined || file === '') return undefined;
  const info: unknown = JSON.parse(readFileSync(file, 'utf8'));
  check(info);
  return info;
}

/** Fetches the token server's counters of a (possibly detached) bed. */
export async function fetchTokenStats(info: TestBedInfo): Promise<TokenStats> {
  const response = await sendRequest(info.tokenStatsUrl);
  if (response.status !== 200) throw new Error(`token stats: HTTP ${response.status}`);
  return JSON.parse(response.body.toString('utf8')) as TokenStats;
}

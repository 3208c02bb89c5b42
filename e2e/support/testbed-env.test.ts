import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadTestBed, testBedEnvVar, testBedSkipReason } from './testbed-env.js';
import type { TestBedInfo } from './testbed-types.js';
import { suiteTempDir } from '../kit/index.js';

const dir = suiteTempDir('sifport-env-');

const endpoint = (port: number) => ({ host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}` });
const sample: TestBedInfo = {
  dir: '/tmp/bed',
  open: endpoint(1),
  basic: endpoint(2),
  bearer: endpoint(3),
  tls: { host: '127.0.0.1:4', url: 'https://127.0.0.1:4' },
  caFile: '/tmp/bed/pki/ca.crt',
  tokenUrl: 'http://127.0.0.1:5/token',
  tokenTlsUrl: 'https://127.0.0.1:6/token',
  tokenStatsUrl: 'http://127.0.0.1:5/stats',
  services: { bearer: 'b', tls: 't' },
  issuer: 'i',
  tokenTtlSeconds: 300,
  users: {
    tester: { username: 'tester', password: 'testpass' },
    reader: { username: 'reader', password: 'readpass' },
  },
};

test('loadTestBed returns undefined when the variable is unset, and the reason names it', () => {
  assert.equal(loadTestBed({}), undefined);
  assert.equal(loadTestBed({ [testBedEnvVar]: '' }), undefined);
  assert.match(testBedSkipReason, new RegExp(testBedEnvVar));
});

test('loadTestBed reads the description the variable points at', async () => {
  const file = join(dir.path, 'testbed.json');
  await writeFile(file, JSON.stringify(sample));
  assert.deepEqual(loadTestBed({ [testBedEnvVar]: file }), sample);
});

test('a set variable with a missing or malformed file is an error, not a skip', async () => {
  assert.throws(() => loadTestBed({ [testBedEnvVar]: join(dir.path, 'absent.json') }), /ENOENT/);
  const broken = join(dir.path, 'broken.json');
  await writeFile(broken, JSON.stringify({ ...sample, tls: { host: '127.0.0.1:4' } }));
  assert.throws(() => loadTestBed({ [testBedEnvVar]: broken }), /tls\.url/);
});

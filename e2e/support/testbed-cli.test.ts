import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { sendRequest } from './http-request.js';
import { isRunning } from './recorded-services.js';
import { fetchTokenStats, loadTestBed, testBedEnvVar } from './testbed-env.js';

const run = promisify(execFile);
const missing = spawnSync('docker-registry', ['--version']).error !== undefined;
const skip = missing ? 'docker-registry (CNCF distribution) is not installed' : false;
const cli = fileURLToPath(new URL('./testbed-cli.ts', import.meta.url));

/** Runs the CLI the way scripts/test.ts does. */
const testbed = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', cli, ...args], { timeout: 30_000 });

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sifport-cli-'));
});
after(async () => {
  if (dir === '') return;
  // Only needed when a test failed half-way: a finished test leaves no testbed.json behind.
  if (
    await access(join(dir, 'testbed.json')).then(
      () => true,
      () => false,
    )
  )
    await testbed('stop', dir);
  await rm(dir, { recursive: true, force: true });
});

async function recordedPids(): Promise<number[]> {
  const runDir = join(dir, 'run');
  const files = (await readdir(runDir)).filter((f) => f.endsWith('.pid'));
  return Promise.all(files.map(async (f) => Number(await readFile(join(runDir, f), 'utf8'))));
}

test(
  'start runs the bed detached and describes it; stop ends exactly those processes',
  { skip },
  async () => {
    const started = await testbed('start', dir);
    const file = join(dir, 'testbed.json');
    const info = loadTestBed({ [testBedEnvVar]: file });
    assert.ok(info);
    assert.deepEqual(JSON.parse(started.stdout), info, 'stdout is the same description');

    // The CLI process has exited, yet the bed answers.
    assert.equal((await sendRequest(`${info.open.url}/v2/`)).status, 200);
    assert.equal((await sendRequest(`${info.bearer.url}/v2/`)).status, 401);
    const ca = await readFile(info.caFile);
    assert.equal((await sendRequest(`${info.tls.url}/v2/`, { ca })).status, 401);
    const tokenUrl = `${info.tokenTlsUrl}?service=${info.services.tls}&scope=repository:cli/x:pull`;
    assert.equal((await sendRequest(tokenUrl, { ca })).status, 200);
    assert.equal((await fetchTokenStats(info)).byRepository['cli/x'], 1);

    const pids = await recordedPids();
    assert.equal(pids.length, 5, 'four registries and the token server');
    for (const pid of pids) assert.ok(await isRunning(pid), `pid ${pid} should run`);

    await assert.rejects(testbed('start', dir), /already running/);

    // A recorded pid that is not ours (this test process) must survive stop.
    await writeFile(join(dir, 'run', 'intruder.pid'), String(process.pid));
    const stopped = await testbed('stop', dir);
    assert.match(stopped.stdout, /intruder: foreign/);
    assert.match(stopped.stdout, /stopped 6/);
    for (const pid of pids) assert.equal(await isRunning(pid), false, `pid ${pid} still runs`);
    await assert.rejects(access(file), 'stop removes testbed.json');
    assert.deepEqual(
      (await readdir(join(dir, 'run'))).filter((f) => f.endsWith('.pid')),
      [],
    );
  },
);

test('stop on a directory without a bed does nothing', async () => {
  const empty = join(dir, 'empty');
  await mkdir(empty);
  const { stdout } = await testbed('stop', empty);
  assert.equal(stdout.trim(), 'stopped 0');
});

test('usage errors exit with status 2', async () => {
  const isUsage = (error: { code?: number; stderr?: string }) =>
    error.code === 2 && /usage:/.test(error.stderr ?? '');
  await Promise.all([
    assert.rejects(testbed('start'), isUsage),
    assert.rejects(testbed('frobnicate', dir), isUsage),
  ]);
});

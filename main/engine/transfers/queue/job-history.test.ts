import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { FileJobHistory } from './job-history.js';
import type { JobRecord } from './job.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const record = (id: string, extra: Partial<JobRecord> = {}): JobRecord => ({
  id,
  spec: { kind: 'pull', reference: 'oras://r/a:1', destination: '/tmp/a.sif', label: id },
  state: 'done',
  createdAt: 1,
  attempts: 1,
  ...extra,
});

describe('FileJobHistory', () => {
  const dir = suiteTempDir('sifport-history-');

  it('saves and loads records in order, in an owner-only file', async () => {
    const file = join(dir.path, 'profile', 'transfers.json');
    const history = new FileJobHistory(file, (m) => assert.fail(m));
    assert.deepEqual(await history.load(), [], 'no file yet: no history');
    const records = [
      record('b', { error: { code: 'NETWORK', message: 'x', retryable: true } }),
      record('a'),
    ];
    await history.save(records);
    assert.deepEqual(await history.load(), records);
    if (process.platform !== 'win32') assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal(JSON.parse(await readFile(file, 'utf8')).version, 1);
  });

  it('moves a file that is not a history aside and says so', async () => {
    const file = join(dir.path, 'corrupt.json');
    await writeFile(file, '{"jobs": 3}', { mode: 0o600 });
    const warnings: string[] = [];
    assert.deepEqual(await new FileJobHistory(file, (m) => warnings.push(m)).load(), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /not valid; it was moved to/);
    assert.ok((await readdir(dir.path)).some((f) => f.startsWith('corrupt.json.corrupt-')));
  });

  it('drops single records it cannot read and keeps the rest', async () => {
    const file = join(dir.path, 'mixed.json');
    const jobs = [record('ok'), { id: 'future', state: 'paused', spec: { kind: 'sync' } }];
    await writeFile(file, JSON.stringify({ version: 1, jobs }), { mode: 0o600 });
    const warnings: string[] = [];
    const loaded = await new FileJobHistory(file, (m) => warnings.push(m)).load();
    assert.deepEqual(
      loaded.map((r) => r.id),
      ['ok'],
    );
    assert.match(warnings.join('\n'), /1 of 2 transfers .* could not be read/);
  });
});

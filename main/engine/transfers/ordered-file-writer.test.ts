import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { OrderedFileWriter, skipBytes } from './ordered-file-writer.js';

describe('skipBytes', () => {
  it('drops whole and partial buffers from the front', () => {
    const bufs = [Buffer.from('abc'), Buffer.from('de'), Buffer.from('fgh')];
    assert.equal(Buffer.concat(skipBytes(bufs, 0)).toString(), 'abcdefgh');
    assert.equal(Buffer.concat(skipBytes(bufs, 3)).toString(), 'defgh');
    assert.equal(Buffer.concat(skipBytes(bufs, 4)).toString(), 'efgh');
    assert.equal(Buffer.concat(skipBytes(bufs, 8)).toString(), '');
  });
});

describe('OrderedFileWriter', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sifport-writer-test-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes batches in order, calls back after each, and creates the file 0600', async () => {
    const path = join(dir, 'ordered');
    const errors: unknown[] = [];
    const writer = new OrderedFileWriter(path, false, (e) => errors.push(e));
    const done: number[] = [];
    for (let i = 0; i < 20; i++) {
      writer.write([Buffer.from(`${i},`), Buffer.from('x')], `${i},x`.length, () => done.push(i));
    }
    assert.ok(writer.backlog > 0, 'batches wait while the file opens');
    const total = await writer.close();
    const expected = Array.from({ length: 20 }, (_, i) => `${i},x`).join('');
    assert.equal(await readFile(path, 'utf8'), expected);
    assert.equal(total, expected.length);
    assert.deepEqual(done, [...Array(20).keys()]);
    assert.deepEqual(errors, []);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });

  it('appends when asked', async () => {
    const path = join(dir, 'append');
    const first = new OrderedFileWriter(path, false, () => {});
    first.write([Buffer.from('head-')], 5);
    await first.close();
    const second = new OrderedFileWriter(path, true, () => {});
    second.write([Buffer.from('tail')], 4);
    assert.equal(await second.close(), 4);
    assert.equal(await readFile(path, 'utf8'), 'head-tail');
  });

  it('a file that cannot be opened: onError, and close() rejects with the same error', async () => {
    const errors: unknown[] = [];
    const writer = new OrderedFileWriter(join(dir, 'no-such-dir', 'f'), false, (e) =>
      errors.push(e),
    );
    writer.write([Buffer.from('lost')], 4);
    await assert.rejects(writer.close(), { code: 'ENOENT' });
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as NodeJS.ErrnoException).code, 'ENOENT');
  });

  it(
    'a failing write stops all writing: later batches are dropped, close() rejects',
    { skip: !existsSync('/dev/full') && 'no /dev/full here' },
    async () => {
      const errors: unknown[] = [];
      const writer = new OrderedFileWriter('/dev/full', false, (e) => errors.push(e));
      let called = false;
      writer.write([Buffer.alloc(4096)], 4096, () => (called = true));
      await assert.rejects(writer.close(), { code: 'ENOSPC' });
      writer.write([Buffer.alloc(10)], 10);
      assert.equal(writer.backlog, 0, 'nothing is queued after a failure');
      assert.equal(called, false);
      assert.equal(errors.length, 1);
    },
  );
});

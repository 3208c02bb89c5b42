import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import type { BufferLender, DirectReadable } from '../../registry/transport/direct-body.js';
import { writeBodyToFile } from './download-sink.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * An in-memory {@link DirectReadable}: copies `data` into the target's lent regions, at most
 * `readBytes` per "read", one read per turn of the event loop, honouring pauses. It can be
 * told to break after `breakAfter` bytes, and counts what the sink did to it.
 */
class FakeDirectBody extends Readable implements DirectReadable {
  offset = 0;
  pauses = 0;
  readsWhilePaused = 0;
  private paused = false;

  constructor(
    private readonly data: Buffer,
    private readonly readBytes: number,
    private readonly breakAfter = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  readInto(target: BufferLender): () => void {
    const step = (): void => {
      if (this.destroyed) return;
      if (this.paused) {
        this.readsWhilePaused++;
        return;
      }
      if (this.offset >= this.breakAfter) {
        this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        return;
      }
      if (this.offset === this.data.length) {
        this.push(null);
        this.resume();
        return;
      }
      const region = target.lend();
      const end = Math.min(this.data.length, this.breakAfter, this.offset + this.readBytes);
      const copied = this.data.copy(region, 0, this.offset, end);
      this.offset += copied;
      if (!target.landed(copied)) {
        this.paused = true;
        this.pauses++;
      }
      setImmediate(step);
    };
    setImmediate(step);
    return () => {
      if (!this.paused) return;
      this.paused = false;
      setImmediate(step);
    };
  }

  override _read(): void {}
}

describe('writeBodyToFile, in place (a DirectReadable body)', () => {
  const dir = suiteTempDir('sifport-direct-sink-test-');

  const options = (path: string, maxBytes: number) => ({
    path,
    append: false,
    hash: createHash('sha256'),
    maxBytes,
    tooLong: () => new Error('too long'),
    batchBytes: 16_384,
  });

  it('writes and hashes every byte, in order, across many slabs, with progress', async () => {
    const data = randomBytes(300_001);
    const path = join(dir.path, 'whole');
    const seen: number[] = [];
    const opts = { ...options(path, data.length), onBytes: (n: number) => seen.push(n) };
    const n = await writeBodyToFile(new FakeDirectBody(data, 7_000), opts);
    assert.equal(n, data.length);
    assert.deepEqual(await readFile(path), data);
    assert.equal(opts.hash.digest('hex'), hex(data));
    assert.equal(seen.at(-1), data.length);
    assert.ok(seen.length > 10, `progress reported per slab (${seen.length} times)`);
    assert.ok(
      seen.every((x, i) => i === 0 || x >= seen[i - 1]!),
      'progress never goes back',
    );
  });

  it('pauses reading while full slabs wait for the disk, and resumes', async () => {
    const data = randomBytes(2_000_000);
    const body = new FakeDirectBody(data, 16_384);
    const path = join(dir.path, 'paced');
    await writeBodyToFile(body, options(path, data.length));
    assert.ok(body.pauses > 0, 'the sink paused the reader at least once');
    assert.equal(body.offset, data.length);
    assert.deepEqual(await readFile(path), data);
  });

  it('appends when resuming', async () => {
    const path = join(dir.path, 'append');
    await writeFile(path, 'head-');
    await writeBodyToFile(new FakeDirectBody(Buffer.from('tail'), 2), {
      ...options(path, 4),
      append: true,
    });
    assert.equal(await readFile(path, 'utf8'), 'head-tail');
  });

  it('one byte too many fails with tooLong() and stops the body', async () => {
    const data = randomBytes(50_000);
    const body = new FakeDirectBody(data, 1_000);
    await assert.rejects(
      writeBodyToFile(body, options(join(dir.path, 'long'), data.length - 1)),
      /too long/,
    );
    assert.equal(body.destroyed, true);
  });

  it('a body that breaks: its own error, and every accepted byte is on disk and hashed', async () => {
    const data = randomBytes(100_000);
    const path = join(dir.path, 'broken');
    const opts = options(path, data.length);
    await assert.rejects(writeBodyToFile(new FakeDirectBody(data, 3_000, 40_000), opts), {
      code: 'ECONNRESET',
    });
    assert.deepEqual(await readFile(path), data.subarray(0, 40_000));
    assert.equal(opts.hash.digest('hex'), hex(data.subarray(0, 40_000)));
  });

  it('an aborted signal stops the download with an AbortError, keeping a hashed prefix', async () => {
    const data = randomBytes(5_000_000);
    const body = new FakeDirectBody(data, 1_000);
    const controller = new AbortController();
    const path = join(dir.path, 'aborted');
    const opts = { ...options(path, data.length), signal: controller.signal };
    const done = writeBodyToFile(body, opts);
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(done, { name: 'AbortError' });
    assert.equal(body.destroyed, true);
    const kept = await readFile(path);
    assert.ok(kept.length < data.length, 'stopped before the end');
    assert.deepEqual(kept, data.subarray(0, kept.length));
    assert.equal(opts.hash.digest('hex'), hex(kept));
  });

  it('a file that cannot be opened rejects with the file error and stops the body', async () => {
    const body = new FakeDirectBody(randomBytes(10), 10);
    await assert.rejects(
      writeBodyToFile(body, options(join(dir.path, 'missing-dir.path', 'x'), 10)),
      {
        code: 'ENOENT',
      },
    );
    assert.equal(body.destroyed, true);
  });

  it(
    'a failing write rejects with the write’s error and stops the body',
    { skip: !existsSync('/dev/full') && 'no /dev/full here' },
    async () => {
      const body = new FakeDirectBody(randomBytes(200_000), 10_000);
      await assert.rejects(writeBodyToFile(body, options('/dev/full', 200_000)), {
        code: 'ENOSPC',
      });
      assert.equal(body.destroyed, true);
    },
  );
});

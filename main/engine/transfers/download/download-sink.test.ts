import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';

import { waitFor, suiteTempDir } from '../../../../e2e/kit/index.js';
import { WriteBatcher, writeBodyToFile } from './download-sink.js';

const hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Resolves once the sink has read everything written to `body` (no fixed sleeps: CI is slow). */
async function consumed(body: PassThrough): Promise<void> {
  await waitFor(() => body.readableLength === 0, {
    timeoutMs: 5000,
    intervalMs: 10,
    what: 'the sink to read everything written to the body',
  });
  // Let the sink finish handling the chunk it just read.
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 10));
}

describe('WriteBatcher', () => {
  it('signals a full batch at the threshold and hands everything over', () => {
    const b = new WriteBatcher(10);
    assert.equal(b.add(Buffer.alloc(4)), false);
    assert.equal(b.add(Buffer.alloc(4)), false);
    assert.equal(b.pending, 8);
    assert.equal(b.add(Buffer.alloc(4)), true);
    const batch = b.take();
    assert.equal(batch.size, 12);
    assert.equal(batch.chunks.length, 3);
    assert.equal(b.pending, 0);
    assert.equal(b.add(Buffer.alloc(9)), false, 'a new batch starts from nothing');
  });
});

describe('writeBodyToFile', () => {
  const dir = suiteTempDir('sifport-sink-test-');

  /** A body of `data` in chunks of `size` bytes. */
  const chunked = (data: Buffer, size: number): Readable =>
    Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
      })(),
    );

  it('writes and hashes every byte, in order, across batches', async () => {
    const data = randomBytes(100_000);
    const path = join(dir.path, 'whole');
    const hash = createHash('sha256');
    const seen: number[] = [];
    const n = await writeBodyToFile(chunked(data, 7_000), {
      path,
      append: false,
      hash,
      maxBytes: data.length,
      tooLong: () => new Error('too long'),
      onBytes: (x) => seen.push(x),
      batchBytes: 16_384,
    });
    assert.equal(n, data.length);
    assert.deepEqual(await readFile(path), data);
    assert.equal(hash.digest('hex'), hex(data));
    assert.equal(seen.at(-1), data.length);
    assert.ok(
      seen.every((x, i) => i === 0 || x >= seen[i - 1]!),
      'progress never goes back',
    );
  });

  it('appends when resuming', async () => {
    const path = join(dir.path, 'append');
    await writeFile(path, 'head-');
    await writeBodyToFile(Readable.from([Buffer.from('tail')]), {
      path,
      append: true,
      hash: createHash('sha256'),
      maxBytes: 4,
      tooLong: () => new Error('too long'),
    });
    assert.equal(await readFile(path, 'utf8'), 'head-tail');
  });

  it('one byte too many fails with tooLong()', async () => {
    const data = randomBytes(5_000);
    await assert.rejects(
      writeBodyToFile(chunked(data, 1_000), {
        path: join(dir.path, 'long'),
        append: false,
        hash: createHash('sha256'),
        maxBytes: data.length - 1,
        tooLong: () => new Error('too long'),
      }),
      /too long/,
    );
  });

  it('a body that breaks: the error is the body’s, and every accepted byte is on disk', async () => {
    const body = new PassThrough();
    const path = join(dir.path, 'broken');
    const hash = createHash('sha256');
    const done = writeBodyToFile(body, {
      path,
      append: false,
      hash,
      maxBytes: 1_000_000,
      tooLong: () => new Error('too long'),
      batchBytes: 1024 * 1024,
    });
    const part = randomBytes(20_000);
    body.write(part);
    await consumed(body);
    body.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    await assert.rejects(done, { code: 'ECONNRESET' });
    assert.deepEqual(await readFile(path), part);
    assert.equal(hash.digest('hex'), hex(part));
  });

  it('an aborted signal stops the download with an AbortError, keeping what arrived', async () => {
    const body = new PassThrough();
    const controller = new AbortController();
    const path = join(dir.path, 'aborted');
    const done = writeBodyToFile(body, {
      path,
      append: false,
      hash: createHash('sha256'),
      maxBytes: 1_000_000,
      tooLong: () => new Error('too long'),
      signal: controller.signal,
    });
    body.write(Buffer.from('kept'));
    await consumed(body);
    controller.abort();
    await assert.rejects(done, { name: 'AbortError' });
    assert.equal(body.destroyed, true);
    assert.equal(await readFile(path, 'utf8'), 'kept');
  });

  it(
    'a failing write rejects with the write’s error and stops the body',
    { skip: !existsSync('/dev/full') && 'no /dev/full here' },
    async () => {
      const body = chunked(randomBytes(200_000), 10_000);
      await assert.rejects(
        writeBodyToFile(body, {
          path: '/dev/full',
          append: false,
          hash: createHash('sha256'),
          maxBytes: 200_000,
          tooLong: () => new Error('too long'),
          batchBytes: 16_384,
        }),
        { code: 'ENOSPC' },
      );
      assert.equal(body.destroyed, true);
    },
  );
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import {
  cutIntoPieces,
  OrderedFileWriter,
  skipBytes,
  writeBatch,
  WRITE_PIECE_BYTES,
  type PositionalFile,
} from './ordered-file-writer.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

describe('skipBytes', () => {
  it('drops whole and partial buffers from the front', () => {
    const bufs = [Buffer.from('abc'), Buffer.from('de'), Buffer.from('fgh')];
    assert.equal(Buffer.concat(skipBytes(bufs, 0)).toString(), 'abcdefgh');
    assert.equal(Buffer.concat(skipBytes(bufs, 3)).toString(), 'defgh');
    assert.equal(Buffer.concat(skipBytes(bufs, 4)).toString(), 'efgh');
    assert.equal(Buffer.concat(skipBytes(bufs, 8)).toString(), '');
  });
});

describe('cutIntoPieces', () => {
  it('cuts across and inside buffers, keeping every byte in order', () => {
    const chunks = [Buffer.from('abcdefg'), Buffer.from('h'), Buffer.from('ijklmnopq')];
    const pieces = cutIntoPieces(chunks, 4);
    assert.deepEqual(
      pieces.map((piece) => Buffer.concat(piece).toString()),
      ['abcd', 'efgh', 'ijkl', 'mnop', 'q'],
    );
    assert.equal(pieces[0]![0]!.buffer, chunks[0]!.buffer, 'no copies: views of the input');
    assert.deepEqual(cutIntoPieces([], 4), []);
  });
});

describe('writeBatch (pieces side by side, never a gap)', () => {
  /** A file in memory that fails the write at `failAt` and makes the first write short. */
  function fakeFile(failAt: number): PositionalFile & { data: Map<number, string>; cut?: number } {
    const file = {
      data: new Map<number, string>(),
      cut: undefined as number | undefined,
      short: true,
      async writev(buffers: Buffer[], position: number) {
        await new Promise((resolve) => setTimeout(resolve, position === failAt ? 5 : 1));
        if (position === failAt) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        let bytes = Buffer.concat(buffers);
        if (file.short) {
          file.short = false;
          bytes = bytes.subarray(0, 1);
        }
        file.data.set(position, bytes.toString());
        return { bytesWritten: bytes.length, buffers };
      },
      async truncate(length: number) {
        file.cut = length;
      },
    };
    return file as unknown as PositionalFile & { data: Map<number, string>; cut?: number };
  }

  it('writes every piece at its own offset, finishing short writes', async () => {
    const file = fakeFile(-1);
    await writeBatch(file, [Buffer.from('abcdef'), Buffer.from('ghij')], 100, 4);
    const text = [...file.data.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, t]) => t)
      .join('');
    assert.equal(text, 'abcdefghij');
    assert.equal(file.cut, undefined);
  });

  it('a failed piece: the file is cut back to it, even though later pieces landed', async () => {
    const file = fakeFile(104);
    await assert.rejects(writeBatch(file, [Buffer.from('abcdefghijkl')], 100, 4), {
      code: 'ENOSPC',
    });
    assert.ok(file.data.has(108), 'the piece after the failed one was written');
    assert.equal(file.cut, 104);
  });
});

describe('OrderedFileWriter', () => {
  const dir = suiteTempDir('sifport-writer-test-');

  it('writes batches in order, calls back after each, and creates the file 0600', async () => {
    const path = join(dir.path, 'ordered');
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

  it('writes batches larger than a piece, of any chunk sizes, byte for byte', async () => {
    const path = join(dir.path, 'large');
    const first = randomBytes(WRITE_PIECE_BYTES * 3 + 17);
    const second = [randomBytes(300_001), randomBytes(1), randomBytes(WRITE_PIECE_BYTES + 5)];
    const writer = new OrderedFileWriter(path, false, () => {});
    writer.write([first], first.length);
    writer.write(second, 300_001 + 1 + WRITE_PIECE_BYTES + 5);
    await writer.close();
    assert.ok((await readFile(path)).equals(Buffer.concat([first, ...second])));
  });

  it('appends a large batch after what the file holds (positional writes, not O_APPEND)', async () => {
    const path = join(dir.path, 'append-large');
    const head = randomBytes(1000);
    await writeFile(path, head);
    const tail = randomBytes(WRITE_PIECE_BYTES * 2 + 3);
    const writer = new OrderedFileWriter(path, true, () => {});
    writer.write([tail], tail.length);
    assert.equal(await writer.close(), tail.length);
    assert.ok((await readFile(path)).equals(Buffer.concat([head, tail])));
  });

  it('tells after each batch how many bytes the file holds, a resumed prefix included', async () => {
    const path = join(dir.path, 'progress');
    await writeFile(path, 'head-');
    const seen: number[] = [];
    const writer = new OrderedFileWriter(
      path,
      true,
      () => {},
      undefined,
      (n) => seen.push(n),
    );
    writer.write([Buffer.from('ab')], 2);
    writer.write([Buffer.from('cde')], 3);
    await writer.close();
    assert.deepEqual(seen, [7, 10]);
  });

  it('appends when asked', async () => {
    const path = join(dir.path, 'append');
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
    const writer = new OrderedFileWriter(join(dir.path, 'no-such-dir.path', 'f'), false, (e) =>
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

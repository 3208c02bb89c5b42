import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { openFileSource, openFileTarget } from './file-source.js';
import { loadSif } from './load.js';
import { readChunks } from './objects.js';
import { removeSignatures } from '../integrity/remove-signatures.js';
import { FIXTURES, IMAGE_TIME, fixture } from '../../../../e2e/kit/index.js';

describe('file byte sources', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sifport-file-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads ranges, streams chunks and stops at the end of the file', async () => {
    const source = await openFileSource(`${FIXTURES}signed.sif`);
    try {
      assert.equal(source.size, 38089);
      assert.deepEqual(await source.read(32, 9), new TextEncoder().encode('SIF_MAGIC'));
      assert.equal((await source.read(38080, 100)).length, 9);
      const chunks: number[] = [];
      for await (const chunk of readChunks(source, { offset: 32768, size: 4096 }, 1000))
        chunks.push(chunk.length);
      assert.deepEqual(chunks, [1000, 1000, 1000, 1000, 96]);
      assert.equal((await loadSif(source)).descriptors.length, 3);
    } finally {
      await source.close();
    }
    await assert.rejects(source.read(0, 1), { code: 'IO_ERROR' });
  });

  it('changes files in place: removing the signature restores unsigned.sif', async () => {
    const path = join(dir, 'signed.sif');
    copyFileSync(`${FIXTURES}signed.sif`, path);
    const target = await openFileTarget(path);
    try {
      await removeSignatures(target, { now: () => new Date(IMAGE_TIME * 1000) });
      assert.equal(target.size, 36864);
    } finally {
      await target.close();
    }
    assert.deepEqual(new Uint8Array(readFileSync(path)), fixture('unsigned.sif'));
  });

  it('reports missing files and directories as IO errors', async () => {
    await assert.rejects(openFileSource(join(dir, 'missing.sif')), {
      code: 'IO_ERROR',
      message: /missing\.sif/,
    });
    await assert.rejects(openFileSource(dir), { code: 'IO_ERROR', message: /not a regular file/ });
  });

  describe('a FIFO', () => {
    let fifo = '';
    before(() => {
      fifo = join(dir, 'image.sif');
      execFileSync('mkfifo', [fifo]);
    });
    // A regression would leave an open() waiting for a writer: give it one, so the file
    // fails instead of hanging the run.
    after(() => {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody is waiting, as it should be.
      }
    });

    it(
      'is refused at once, for reading and for in-place writing',
      { timeout: 10_000 },
      async () => {
        for (const open of [openFileSource, openFileTarget]) {
          await assert.rejects(open(fifo), {
            code: 'IO_ERROR',
            message: /image\.sif is a FIFO \(named pipe\), not a regular file/,
          });
        }
      },
    );
  });
});

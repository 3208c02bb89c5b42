import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { suiteFifo } from '../../../e2e/kit/index.js';
import { isMissingFile, openRegularFile, readRegularFile } from './regular-file.js';

/** Each test fails after this long instead of hanging when a FIFO blocks again. */
const NO_HANG = { timeout: 10_000 };

describe('openRegularFile / readRegularFile', () => {
  const fifo = suiteFifo('sifport-regular-file-');

  function refused(kind: RegExp) {
    return (err: unknown) => {
      assert.equal((err as { code?: string }).code, 'FILE_ERROR');
      assert.match((err as Error).message, kind);
      return true;
    };
  }

  it('refuses a FIFO without waiting for a writer', NO_HANG, async () => {
    await assert.rejects(
      readRegularFile(fifo.path, 'CA file'),
      refused(/CA file .*pipe is a FIFO \(named pipe\), not a regular file/),
    );
    await assert.rejects(openRegularFile(fifo.path, 'r+'), refused(/FIFO/));
  });

  it('refuses directories and devices, naming what they are', NO_HANG, async () => {
    await assert.rejects(readRegularFile(fifo.dir), refused(/is a directory, not a regular file/));
    await assert.rejects(readRegularFile('/dev/null'), refused(/is a character device/));
  });

  it('says when a file is missing, and isMissingFile tells it apart', NO_HANG, async () => {
    const missing = await readRegularFile(join(fifo.dir, 'none')).catch((err: unknown) => err);
    assert.equal(isMissingFile(missing), true);
    assert.equal(
      isMissingFile(await readRegularFile(fifo.path).catch((err: unknown) => err)),
      false,
    );
    await assert.rejects(
      readRegularFile(join(fifo.dir, 'none'), 'key file'),
      refused(/key file .*no such file/),
    );
  });

  it('reads a regular file, and refuses one over the size cap', NO_HANG, async () => {
    const path = join(fifo.dir, 'ca.pem');
    await writeFile(path, 'pem text');
    assert.equal((await readRegularFile(path)).toString(), 'pem text');
    await assert.rejects(readRegularFile(path, 'CA file', 3), { code: 'TOO_LARGE' });
    const { handle, stats } = await openRegularFile(path, 'r+');
    assert.equal(stats.size, 8);
    await handle.close();
  });
});

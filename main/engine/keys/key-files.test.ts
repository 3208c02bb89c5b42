import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { KeyFiles } from './key-files.js';

const FINGERPRINT = 'A'.repeat(40);

describe('KeyFiles and special files (issue #10)', () => {
  let dir = '';
  let fifo = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sifport-key-files-'));
    mkdirSync(join(dir, 'pgp-public'));
    fifo = join(dir, 'pgp-public', `${FINGERPRINT}.asc`);
    execFileSync('mkfifo', [fifo]);
  });
  // A regression would leave a read waiting for a writer: give it one so the run ends.
  after(() => {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: nobody is waiting, as it should be.
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'refuses a key file that is a FIFO instead of waiting on it',
    { timeout: 10_000 },
    async () => {
      const files = new KeyFiles(dir);
      assert.deepEqual(await files.list('public'), [FINGERPRINT]);
      await assert.rejects(files.read('public', FINGERPRINT), {
        code: 'IO_ERROR',
        message: /is a FIFO \(named pipe\), not a regular file/,
      });
    },
  );

  it('still says "not there" for a missing key', { timeout: 10_000 }, async () => {
    assert.equal(await new KeyFiles(dir).read('private', FINGERPRINT), undefined);
  });
});

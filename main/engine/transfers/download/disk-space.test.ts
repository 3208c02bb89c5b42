import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { requireFreeSpace, statfsFreeSpace } from './disk-space.js';

describe('free space before a download', () => {
  it('statfs reads a real folder, and says "unknown" for a missing one', async () => {
    const free = await statfsFreeSpace(tmpdir());
    assert.ok(typeof free === 'number' && free > 0, String(free));
    assert.equal(await statfsFreeSpace(join(tmpdir(), 'no-such-folder-sifport')), undefined);
  });

  it('passes with room or when the room is unknown, refuses with the figures otherwise', async () => {
    await requireFreeSpace('/d', 5e9, '/d/x.sif', async () => 6e9);
    await requireFreeSpace('/d', 5e9, '/d/x.sif', async () => undefined);
    let probed = false;
    await requireFreeSpace('/d', 0, '/d/x.sif', async () => {
      probed = true;
      return 0;
    });
    assert.equal(probed, false, 'nothing left to download: no probe');
    await assert.rejects(
      requireFreeSpace('/d', 5e9, '/d/x.sif', async () => 1.25e9),
      {
        code: 'FILE_ERROR',
        message:
          'Not enough space for /d/x.sif: the SIF needs 5.00 GB more and /d has 1.25 GB free. Free some space or pull to another disk.',
      },
    );
  });
});

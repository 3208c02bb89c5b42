import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { keepNewest } from './job-list.js';
import type { JobRecord, JobState } from './job.js';

describe('keepNewest', () => {
  it('keeps active and pinned records and the newest others up to the limit', () => {
    const r = (id: string, state: JobState): JobRecord => ({
      id,
      state,
      spec: { kind: 'push', file: 'f', reference: 'r', label: id },
      createdAt: 0,
      attempts: 0,
    });
    const records = [
      r('q', 'queued'),
      r('d1', 'done'),
      r('run', 'running'),
      r('f', 'failed'),
      r('d2', 'done'),
    ];
    assert.deepEqual(
      keepNewest(records, 3, (x) => x.id === 'd2').map((x) => x.id),
      ['q', 'run', 'd2'],
    );
    assert.deepEqual(
      keepNewest(records, 4, () => false).map((x) => x.id),
      ['q', 'd1', 'run', 'f'],
    );
  });
});

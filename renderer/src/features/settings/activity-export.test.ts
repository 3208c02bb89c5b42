import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TransferView } from '../../store/domain.js';
import { activityExport, activityFileName } from './activity-export.js';

const job = (id: string, createdAt: number): TransferView =>
  ({
    id,
    kind: 'pull',
    label: `job ${id}`,
    state: 'done',
    reference: 'oras://r.example/lab/bwa:1',
    source: '/tmp/bwa.sif',
    createdAt,
    attempts: 1,
  }) as TransferView;

test('the activity export lists transfers newest first and the bell with ISO times', () => {
  const now = Date.UTC(2026, 0, 2, 3, 4, 5);
  const text = activityExport(
    [job('a', 1), job('b', 2)],
    [{ id: 9, at: now - 1000, tone: 'danger', title: 'Pull failed', jobId: 'a' }],
    { now, version: '1.0.0' },
  );
  const doc = JSON.parse(text) as {
    exportedAt: string;
    version: string;
    transfers: { id: string }[];
    notifications: { at: string; title: string; id?: number }[];
  };
  assert.equal(doc.exportedAt, '2026-01-02T03:04:05.000Z');
  assert.equal(doc.version, '1.0.0');
  assert.deepEqual(
    doc.transfers.map((t) => t.id),
    ['b', 'a'],
  );
  assert.deepEqual(doc.notifications, [
    { tone: 'danger', title: 'Pull failed', jobId: 'a', at: '2026-01-02T03:04:04.000Z' },
  ]);
  assert.equal(activityFileName(now), 'sifport-activity-2026-01-02T03-04-05-000Z.json');
});

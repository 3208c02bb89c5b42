import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DetailsQueue, type DetailsBatch } from './details-queue.js';

/** A queue over a fake call that settles when the test says, and a cache the test fills. */
function harness() {
  const calls: { batch: DetailsBatch; done: () => void }[] = [];
  const cache = new Set<string>();
  let peak = 0;
  const queue: DetailsQueue = new DetailsQueue(
    (batch) =>
      new Promise<void>((resolve) => {
        peak = Math.max(peak, queue.running);
        calls.push({
          batch,
          done: () => {
            batch.tags.forEach((t) => cache.add(`${batch.repoKey}\n${t}`));
            resolve();
          },
        });
      }),
    (repoKey, tag) => cache.has(`${repoKey}\n${tag}`),
  );
  const settle = async () => {
    const open = calls.filter((c) => !(c as { settled?: boolean }).settled);
    open.forEach((c) => (((c as { settled?: boolean }).settled = true), c.done()));
    await new Promise((r) => setImmediate(r));
  };
  return { queue, calls, cache, settle, peak: () => peak };
}

const tags = (n: number, prefix = 't') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('DetailsQueue', () => {
  test('asks for what is shown in small batches, at most 6 at once', async () => {
    const h = harness();
    h.queue.want('pane-0', 'r', tags(400));
    assert.equal(h.calls.length, 6);
    assert.ok(h.calls.every((c) => c.batch.tags.length === 25));
    assert.equal(h.queue.running, 6);
    while (h.calls.some((c) => !(c as { settled?: boolean }).settled)) await h.settle();
    assert.equal(h.calls.length, 16);
    const asked = h.calls.flatMap((c) => c.batch.tags);
    assert.equal(new Set(asked).size, 400, 'no tag asked twice');
    assert.ok(h.peak() <= 6);
  });

  test('never asks for a cached tag or one already on its way', () => {
    const h = harness();
    h.cache.add('r\nt1');
    h.queue.want('pane-0', 'r', tags(3));
    h.queue.want('pane-1', 'r', tags(3));
    const asked = h.calls.flatMap((c) => c.batch.tags);
    assert.deepEqual(asked, ['t0', 't2']);
  });

  test('a new wish replaces the old one: scrolled-past rows are not fetched', async () => {
    const h = harness();
    h.queue.want('pane-0', 'r', tags(1000, 'a'));
    h.queue.want('pane-0', 'r', tags(10, 'b'));
    await h.settle();
    const asked = h.calls.flatMap((c) => c.batch.tags);
    assert.equal(
      asked.filter((t) => t.startsWith('a')).length,
      150,
      'only the six calls already made',
    );
    assert.ok(asked.includes('b9'));
    await h.settle();
    assert.equal(h.calls.length, 7);
  });

  test('Load all goes in batches of 100 after what the panes show', async () => {
    const h = harness();
    h.queue.want('all-r', 'r', tags(1000, 'x'), true);
    assert.ok(h.calls.every((c) => c.batch.tags.length === 100));
    h.queue.want('pane-0', 'r', tags(5, 'v'));
    await h.settle();
    assert.deepEqual(
      h.calls[6]?.batch.tags,
      ['v0', 'v1', 'v2', 'v3', 'v4'],
      'the pane comes first',
    );
  });

  test('two panes take turns', async () => {
    const h = harness();
    h.queue.want('pane-0', 'r', tags(500, 'l'));
    h.queue.want('pane-1', 's', tags(500, 'r'));
    // The first wish started six calls alone; the next six alternate between the panes.
    assert.ok(h.calls.every((c) => c.batch.repoKey === 'r'));
    await h.settle();
    const next = h.calls.slice(6, 12).map((c) => c.batch.repoKey);
    assert.deepEqual(next, ['r', 's', 'r', 's', 'r', 's']);
  });

  test('forget drops the wishes of a refreshed repository', async () => {
    const h = harness();
    h.queue.want('pane-0', 'r', tags(1000));
    h.queue.forget('r');
    await h.settle();
    assert.equal(h.calls.length, 6);
  });

  test('a failed call frees its slot', async () => {
    let calls = 0;
    const queue = new DetailsQueue(
      async () => {
        calls++;
        throw new Error('offline');
      },
      () => false,
    );
    queue.want('pane-0', 'r', tags(200));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 8);
    assert.equal(queue.running, 0);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TransferView } from '../../store/domain.js';
import { SifportCallError } from '../../../../preload/envelope.js';
import { scriptedHost } from '../../store/scripted-host.js';
import { createSifportStore } from '../../store/store.js';

const DIGEST = `sha256:${'c'.repeat(64)}`;

function job(id: string, reference: string): TransferView {
  return {
    id,
    kind: 'pull',
    label: `${reference} → /data`,
    state: 'queued',
    reference,
    source: '/data',
    createdAt: 1,
    attempts: 0,
  };
}

describe('dialogs slice', () => {
  test('details are asked once per repository, tags only', async () => {
    const { host, requestsTo } = scriptedHost({
      'registry:details': (req) => ({
        details: req.tags.map((tag) => ({
          tag,
          ok: true as const,
          kind: 'image' as const,
          digest: DIGEST,
          mediaType: 'm',
          size: 5,
          isSif: true,
          platforms: [],
        })),
      }),
    });
    const store = createSifportStore(host);
    const details = await store
      .getState()
      .describeReferences([
        'oras://r.example/a:1',
        'oras://r.example/a:2',
        'oras://r.example/b:1',
        `oras://r.example/a@${DIGEST}`,
      ]);
    assert.deepEqual(requestsTo('registry:details'), [
      { repository: 'oras://r.example/a', tags: ['1', '2'] },
      { repository: 'oras://r.example/b', tags: ['1'] },
    ]);
    assert.deepEqual(
      [...details.keys()],
      ['oras://r.example/a:1', 'oras://r.example/a:2', 'oras://r.example/b:1'],
    );
  });

  test('pulls queued before a refusal still show in the drawer', async () => {
    let n = 0;
    const { host } = scriptedHost({
      'transfer:pull': (req) => {
        if (++n === 2) throw new SifportCallError('REFERENCE_INVALID', 'bad reference');
        return { job: job(`j${n}`, req.reference) };
      },
    });
    const store = createSifportStore(host);
    await assert.rejects(
      store.getState().startPulls([
        { reference: 'oras://r.example/a:1', destination: '/data/a_1.sif' },
        { reference: 'oras://r.example/a:2', destination: '/data/a_2.sif' },
      ]),
      { code: 'REFERENCE_INVALID' },
    );
    const state = store.getState();
    assert.deepEqual(state.transferOrder, ['j1']);
    assert.equal(state.selectedTransferId, 'j1');
    assert.equal(state.frame.drawer, true);
  });

  test('a delete refreshes the explorer', async () => {
    const { host, requestsTo } = scriptedHost({
      'registry:delete': (req) => ({ digest: DIGEST, tags: ['1'], deleted: !req.dryRun }),
    });
    const store = createSifportStore(host);
    const before = store.getState().refreshCount;
    await store.getState().previewDelete('oras://r.example/a:1');
    assert.equal(store.getState().refreshCount, before, 'a dry run changes nothing');
    await store.getState().deleteDigest(`oras://r.example/a@${DIGEST}`);
    assert.equal(store.getState().refreshCount, before + 1);
    assert.deepEqual(
      requestsTo('registry:delete').map((r) => r.dryRun),
      [true, false],
    );
  });
});

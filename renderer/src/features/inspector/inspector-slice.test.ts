import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ResponseOf } from '../../../../shared/contract.js';
import { SifportCallError } from '../../../../preload/envelope.js';
import { scriptedHost } from '../../store/scripted-host.js';
import { createSifportStore } from '../../store/store.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A `sif:inspect` answer for `path` (only what the slice looks at is filled in). */
function inspected(path: string): ResponseOf<'sif:inspect'> {
  return { path, size: 38_000, report: { signatures: [] } } as unknown as ResponseOf<'sif:inspect'>;
}

describe('inspector slice', () => {
  test('desktop: Ctrl+Shift+O opens the native dialog, then the inspector on the file', async () => {
    const { host, requestsTo } = scriptedHost({
      'dialog:openFile': () => ({ paths: ['/data/bwa.sif'] }),
      'sif:inspect': (req) => inspected(req.path),
    });
    const store = createSifportStore(host);
    store.getState().setHostStatus('ready', true);
    store.getState().requestInspect();
    await flush();
    await flush();
    assert.deepEqual(requestsTo('dialog:openFile'), [
      { sifOnly: true, title: 'Inspect a SIF image' },
    ]);
    assert.deepEqual(store.getState().screen, { kind: 'inspector', path: '/data/bwa.sif' });
    assert.equal(store.getState().inspection?.status, 'ready');
    assert.equal(store.getState().inspection?.result?.size, 38_000);
  });

  test('not a SIF keeps the code, so the screen says what to do', async () => {
    const { host } = scriptedHost({
      'sif:inspect': () => {
        throw new SifportCallError('NOT_A_SIF', 'notes.txt is not a SIF file.');
      },
    });
    const store = createSifportStore(host);
    await store.getState().inspectPath('/data/notes.txt');
    assert.equal(store.getState().inspection?.status, 'failed');
    assert.equal(store.getState().inspection?.error?.code, 'NOT_A_SIF');
  });

  test('browser: the chosen file is uploaded and its copy inspected, one history entry', async () => {
    const { host, requestsTo } = scriptedHost({ 'sif:inspect': (req) => inspected(req.path) });
    const uploaded: string[] = [];
    host.uploadFile = async (file) => {
      uploaded.push(file.name);
      return '/profile/uploads/ab12-mine.sif';
    };
    const store = createSifportStore(host);
    store.getState().setBrowserFilePicker(async () => [new File(['x'], 'mine.sif')]);
    store.getState().requestInspect();
    await flush();
    await flush();
    await flush();
    assert.deepEqual(uploaded, ['mine.sif']);
    assert.deepEqual(requestsTo('sif:inspect'), [{ path: '/profile/uploads/ab12-mine.sif' }]);
    const state = store.getState();
    assert.deepEqual(state.screen, {
      kind: 'inspector',
      path: '/profile/uploads/ab12-mine.sif',
      name: 'mine.sif',
    });
    assert.equal(state.inspection?.uploadedFrom, 'mine.sif');
    assert.deepEqual(
      state.back.map((p) => p.screen.kind),
      ['home'],
    );
  });

  test('signing a copy shows the copy; verify keeps each outcome', async () => {
    const { host, requestsTo } = scriptedHost({
      'sif:inspect': (req) => inspected(req.path),
      'sif:sign': (req) => ({
        path: req.copyTo ?? req.path,
        signatures: [{ id: 3, groupId: 1, objectIds: [1, 2], fingerprint: 'AB' }],
      }),
      'sif:verify': () => {
        throw new SifportCallError(
          'NOT_FOUND',
          'No public keys in the keyring; import some first.',
        );
      },
    });
    const store = createSifportStore(host);
    await store.getState().inspectPath('/data/a.sif');
    await store.getState().signInspected({
      fingerprint: 'AB',
      passphrase: 'secret words',
      copyTo: '/data/a-signed.sif',
    });
    assert.equal(requestsTo('sif:sign')[0]?.path, '/data/a.sif');
    assert.equal(store.getState().inspection?.path, '/data/a-signed.sif');
    assert.equal(store.getState().inspection?.status, 'ready');
    assert.doesNotMatch(JSON.stringify(store.getState()), /secret words/);
    await store.getState().verifyInspected();
    assert.equal(store.getState().verification?.status, 'failed');
    assert.equal(store.getState().verification?.error?.code, 'NOT_FOUND');
  });
});

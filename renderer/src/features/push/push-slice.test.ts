import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RequestOf } from '../../../../shared/contract.js';
import { SifportCallError } from '../../../../preload/envelope.js';
import { fakeSifportApi } from '../../../../e2e/kit/fake-sifport-api.js';
import { createSifportStore } from '../../store/store.js';
import type { TransferView } from '../../store/domain.js';
import type { PushItem } from './push-run.js';

const queued = (file: string, reference: string): TransferView => ({
  id: `job-${file}`,
  kind: 'push',
  label: `${file} → ${reference}`,
  state: 'queued',
  reference,
  source: file,
  createdAt: 0,
  attempts: 0,
});
const pushAnswer = (r: RequestOf<'transfer:push'>) => ({ job: queued(r.file, r.reference) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));
const signing = { fingerprint: 'F00D', passphrase: 'pass-phrase' };

/** The push of `/d/NAME.sif` (key NAME) to `oras://r/NAME:1`, signed first when `sign`. */
const onDisk = (name: string, sign: boolean): PushItem => ({
  key: name,
  file: { name: `${name}.sif`, size: 1, path: `/d/${name}.sif` },
  reference: `oras://r/${name}:1`,
  sign,
});

test('dropped files in the browser stay files, are announced and go to one sheet', async () => {
  const store = createSifportStore(fakeSifportApi({}));
  const a = new File([new Uint8Array(4)], 'a.sif');
  const b = new File([new Uint8Array(8)], 'b.sif');
  store.getState().dropFiles([a, b], { repository: 'genomics/bwa' });
  store.getState().dropFiles([a]);
  await settle();
  const dialog = store.getState().dialog;
  assert.equal(dialog?.kind, 'push');
  assert.deepEqual(
    dialog?.kind === 'push' && dialog.files.map((f) => [f.name, f.size, f.file !== undefined]),
    [
      ['a.sif', 4, true],
      ['b.sif', 8, true],
      ['a.sif', 4, true],
    ],
  );
  assert.deepEqual(dialog?.kind === 'push' && dialog.target, { repository: 'genomics/bwa' });
  assert.equal(store.getState().announcements.polite, '1 file ready to push');
});

test('the desktop app pushes dropped files by their path', () => {
  const host = fakeSifportApi({}, { pathForFile: (file) => `/home/u/${file.name}` });
  const store = createSifportStore(host);
  store.getState().setHostStatus('ready', true);
  store.getState().dropFiles([new File([], 'x.sif')]);
  const dialog = store.getState().dialog;
  assert.deepEqual(dialog?.kind === 'push' && dialog.files, [
    { name: 'x.sif', size: 0, path: '/home/u/x.sif' },
  ]);
});

test('Ctrl+O in the desktop app opens the native chooser and offers its paths', async () => {
  const host = fakeSifportApi({ 'dialog:openFile': () => ({ paths: ['/d/bwa_1.sif'] }) });
  const store = createSifportStore(host);
  store.getState().setHostStatus('ready', true);
  store.getState().requestPush();
  await settle();
  assert.deepEqual(host.calls[0]?.request, {
    title: 'Choose SIF files to push',
    sifOnly: true,
    multiple: true,
  });
  const dialog = store.getState().dialog;
  assert.deepEqual(dialog?.kind === 'push' && dialog.files, [
    { name: 'bwa_1.sif', size: -1, path: '/d/bwa_1.sif' },
  ]);
});

test('signing a file on disk signs a copy beside it (a free name) and pushes the copy', async () => {
  const host = fakeSifportApi({
    'sif:sign': (r) => {
      if (r.copyTo === '/d/bwa.signed.sif') {
        throw new SifportCallError('FILE_ERROR', '/d/bwa.signed.sif already exists; choose…');
      }
      return { path: r.copyTo ?? r.path, signatures: [] };
    },
    'transfer:push': pushAnswer,
  });
  const store = createSifportStore(host);
  store.getState().offerFiles([{ name: 'bwa.sif', size: 1, path: '/d/bwa.sif' }]);
  const queuedKeys = await store.getState().startPush([onDisk('bwa', true)], signing);
  assert.deepEqual(queuedKeys, ['bwa']);
  assert.deepEqual(
    host.calls.map((c) => [
      c.channel,
      (c.request as { copyTo?: string; file?: string }).copyTo ??
        (c.request as { file?: string }).file,
    ]),
    [
      ['sif:sign', '/d/bwa.signed.sif'],
      ['sif:sign', '/d/bwa.signed-2.sif'],
      ['transfer:push', '/d/bwa.signed-2.sif'],
    ],
  );
  const s = store.getState();
  assert.equal(s.dialog, undefined, 'the sheet closes');
  assert.equal(s.selectedTransferId, 'job-/d/bwa.signed-2.sif');
  assert.equal(s.frame.drawer, true, 'openDrawerOnTransfer is on by default');
  assert.equal(s.pushRun, undefined);
});

test('the browser mode copies the file to the host with progress, signs that copy in place', async () => {
  const progress: (number | undefined)[] = [];
  const host = fakeSifportApi(
    {
      'sif:sign': (r) => ({ path: r.path, signatures: [] }),
      'transfer:push': pushAnswer,
    },
    {
      uploadFile: async (file, options) => {
        options?.onProgress?.(file.size / 2);
        progress.push(store.getState().pushRun?.done);
        return `/profile/uploads/0123456789ab-${file.name}`;
      },
    },
  );
  const store = createSifportStore(host);
  const file = new File([new Uint8Array(64)], 'x.sif');
  await store.getState().startPush(
    [
      {
        key: 'k',
        file: { name: 'x.sif', size: 64, file },
        reference: 'oras://r/x:1',
        sign: true,
      },
    ],
    signing,
  );
  assert.deepEqual(progress, [32]);
  assert.deepEqual(host.calls[0]?.request, {
    path: '/profile/uploads/0123456789ab-x.sif',
    ...signing,
  });
  assert.equal(host.calls[1]?.channel, 'transfer:push');
});

test('a failure stops the run, keeps the sheet and says which file and why', async () => {
  const host = fakeSifportApi({
    'transfer:push': pushAnswer,
    'sif:sign': () => {
      throw new SifportCallError('KEY_INVALID', 'The passphrase does not unlock this key.');
    },
  });
  const store = createSifportStore(host);
  store.getState().offerFiles([]);
  const queuedKeys = await store
    .getState()
    .startPush([onDisk('a', false), onDisk('b', true), onDisk('c', false)], signing);
  assert.deepEqual(queuedKeys, ['a']);
  const s = store.getState();
  assert.equal(s.dialog?.kind, 'push');
  assert.equal(s.pushRun?.error, 'b.sif: The passphrase does not unlock this key.');
  assert.deepEqual(s.transferOrder, ['job-/d/a.sif']);
  assert.ok(!host.calls.some((c) => (c.request as { file?: string }).file === '/d/c.sif'));
});

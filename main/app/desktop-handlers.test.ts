import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import type { DesktopHooks } from './desktop-hooks.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';

/** Desktop hooks that answer like a user who picked something, recording what was asked. */
function recordingHooks(calls: unknown[]): DesktopHooks {
  return {
    openFile: async (options) => {
      calls.push(['openFile', options]);
      return options.multiple ? ['/data/a.sif', '/data/b.sif'] : ['/data/a.sif'];
    },
    chooseFolder: async (options) => {
      calls.push(['chooseFolder', options]);
      return options.defaultPath ?? '/data';
    },
    reveal: async (path) => {
      calls.push(['reveal', path]);
    },
  };
}

test('dialog and reveal channels go to the host desktop hooks', async () => {
  const calls: unknown[] = [];
  const handlers = createHandlers(
    testHandlerDeps({ emit: () => undefined, desktop: recordingHooks(calls) }),
  );
  assert.deepEqual(await dispatch(handlers, 'dialog:openFile', { sifOnly: true, multiple: true }), {
    ok: true,
    value: { paths: ['/data/a.sif', '/data/b.sif'] },
  });
  assert.deepEqual(await dispatch(handlers, 'dialog:chooseFolder', { defaultPath: '/srv' }), {
    ok: true,
    value: { path: '/srv' },
  });
  assert.deepEqual(await dispatch(handlers, 'shell:reveal', { path: '/data/a.sif' }), {
    ok: true,
    value: {},
  });
  assert.deepEqual(calls, [
    [
      'openFile',
      {
        title: 'Choose a SIF image',
        filters: [
          { name: 'SIF images', extensions: ['sif'] },
          { name: 'All files', extensions: ['*'] },
        ],
        multiple: true,
      },
    ],
    ['chooseFolder', { title: 'Choose a folder', defaultPath: '/srv' }],
    ['reveal', '/data/a.sif'],
  ]);
  const bad = await dispatch(handlers, 'shell:reveal', { path: '' });
  assert.equal(!bad.ok && bad.error.code, 'USAGE');
});

test('the browser mode refuses each native action with what to do instead', async () => {
  const handlers = createHandlers(testHandlerDeps({ emit: () => undefined }));
  for (const [channel, request] of [
    ['dialog:openFile', {}],
    ['dialog:chooseFolder', {}],
    ['shell:reveal', { path: '/tmp/x.sif' }],
  ] as const) {
    const answer = await dispatch(handlers, channel, request);
    assert.equal(answer.ok, false, channel);
    assert.equal(!answer.ok && answer.error.code, 'UNSUPPORTED', channel);
    assert.match(!answer.ok ? answer.error.message : '', /browser mode/, channel);
  }
});

test('files:space checks a pull folder in any host: free space, existing names, refusals', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-files-space-'));
  try {
    await writeFile(join(dir, 'a.sif'), 'x');
    const handlers = createHandlers(testHandlerDeps({ emit: () => undefined }));
    const answer = await dispatch(handlers, 'files:space', {
      path: dir,
      names: ['a.sif', 'b.sif'],
    });
    assert.ok(answer.ok);
    const value = answer.value as { path: string; freeBytes?: number; existing: string[] };
    assert.equal(value.path, dir);
    assert.ok((value.freeBytes ?? 0) > 0);
    assert.deepEqual(value.existing, ['a.sif']);
    const missing = await dispatch(handlers, 'files:space', { path: join(dir, 'nope') });
    assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
    const relative = await dispatch(handlers, 'files:space', { path: 'rel' });
    assert.equal(!relative.ok && relative.error.code, 'USAGE');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

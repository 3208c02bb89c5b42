import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SifportApi } from '../../../../shared/contract.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings-contract.js';
import { SifportCallError } from '../../../../preload/envelope.js';
import { createSifportStore } from '../../store/store.js';

/** A host whose `settings:set` answers only when the test says, in any order. */
function slowHost() {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const waiting: { patch: Partial<Settings>; answer: (fail?: boolean) => void }[] = [];
  const host: SifportApi = {
    invoke: ((channel: string, request: { patch?: Partial<Settings> }): Promise<unknown> => {
      if (channel === 'settings:get') return Promise.resolve({ settings: stored });
      if (channel === 'settings:set') {
        return new Promise<unknown>((resolve, reject) => {
          waiting.push({
            patch: request.patch!,
            answer: (fail) => {
              if (fail) {
                reject(new SifportCallError('FILE_ERROR', 'The settings file is read-only.'));
                return;
              }
              stored = { ...stored, ...request.patch };
              resolve({ settings: stored });
            },
          });
        });
      }
      return Promise.reject(new Error(`unexpected ${channel}`));
    }) as unknown as SifportApi['invoke'],
    on: () => () => undefined,
  };
  return { host, waiting, stored: () => stored };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a change shows at once and stays when the host answers an earlier change late', async () => {
  const fake = slowHost();
  const store = createSifportStore(fake.host);
  const first = store.getState().updateSettings({ theme: 'dark' });
  const second = store.getState().updateSettings({ concurrency: 4 });
  assert.equal(store.getState().settings.theme, 'dark');
  assert.equal(store.getState().settings.concurrency, 4);
  fake.waiting[0]!.answer();
  await first;
  // The host's answer to the first change does not know the second yet: it must not flicker.
  assert.equal(store.getState().settings.concurrency, 4);
  store.getState().settingsChanged({ ...fake.stored() });
  assert.equal(store.getState().settings.concurrency, 4);
  fake.waiting[1]!.answer();
  await second;
  assert.deepEqual(
    { theme: store.getState().settings.theme, concurrency: store.getState().settings.concurrency },
    { theme: 'dark', concurrency: 4 },
  );
});

test('a refused change is rolled back alone, says why, and can be tried again', async () => {
  const fake = slowHost();
  const store = createSifportStore(fake.host);
  const refused = store.getState().updateSettings({ density: 'comfortable' });
  const kept = store.getState().updateSettings({ units: 'si' });
  fake.waiting[1]!.answer();
  await kept;
  fake.waiting[0]!.answer(true);
  await refused;
  await tick();
  const state = store.getState();
  assert.equal(state.settings.density, 'compact');
  assert.equal(state.settings.units, 'si');
  assert.equal(state.settingsError?.code, 'FILE_ERROR');
  assert.match(state.settingsError?.message ?? '', /read-only/);
  assert.deepEqual(state.settingsFailedPatch, { density: 'comfortable' });

  const retry = store.getState().retrySettings();
  assert.equal(store.getState().settingsError, undefined);
  assert.equal(store.getState().settings.density, 'comfortable');
  fake.waiting[2]!.answer();
  await retry;
  assert.equal(store.getState().settings.density, 'comfortable');
  assert.equal(fake.stored().density, 'comfortable');
});

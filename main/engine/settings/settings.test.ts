import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../shared/settings-contract.js';
import { isSifportError } from '../errors.js';
import { shouldNotify } from './notification-policy.js';
import { FileSettingsStore, MemorySettingsStore } from './settings-store.js';

async function withDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sifport-settings-'));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a new profile has the defaults; a change is kept across store instances', async () => {
  await withDir(async (dir) => {
    const path = join(dir, 'settings.json');
    assert.deepEqual(await new FileSettingsStore(path).get(), DEFAULT_SETTINGS);
    const changed = await new FileSettingsStore(path).set({ theme: 'dark', concurrency: 4 });
    assert.equal(changed.theme, 'dark');
    const again = await new FileSettingsStore(path).get();
    assert.equal(again.theme, 'dark');
    assert.equal(again.concurrency, 4);
    assert.equal(again.historySize, 500);
  });
});

test('an invalid change is refused with a message naming the field, and nothing is written', async () => {
  await withDir(async (dir) => {
    const store = new FileSettingsStore(join(dir, 'settings.json'));
    await assert.rejects(store.set({ concurrency: 9 }), (err: unknown) => {
      assert.ok(isSifportError(err));
      assert.equal(err.code, 'USAGE');
      assert.match(err.message, /concurrency/);
      return true;
    });
    assert.deepEqual(await readdir(dir), []);
  });
});

test('a corrupt settings file is moved aside and reported, and the defaults apply', async () => {
  await withDir(async (dir) => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{"theme": "dark"', { mode: 0o600 });
    const warnings: string[] = [];
    const store = new FileSettingsStore(path, { onWarning: (m) => warnings.push(m) });
    assert.deepEqual(await store.get(), DEFAULT_SETTINGS);
    assert.equal(warnings.length, 1);
    const files = await readdir(dir);
    assert.ok(files.some((f) => f.startsWith('settings.json.corrupt-')));
    assert.match(await readFile(join(dir, files[0]!), 'utf8'), /dark/);
  });
});

test('a file from another version: unknown keys dropped, missing or invalid ones defaulted', async () => {
  await withDir(async (dir) => {
    const path = join(dir, 'settings.json');
    const stored = { theme: 'light', future: 1, concurrency: 99 };
    await writeFile(path, JSON.stringify(stored), { mode: 0o600 });
    const settings = await new FileSettingsStore(path).get();
    assert.equal(settings.theme, 'light');
    assert.equal(settings.concurrency, 2);
    assert.equal('future' in settings, false);
  });
});

test('the memory store validates like the file store; a patch changes only its fields', async () => {
  const store = new MemorySettingsStore({ theme: 'dark' });
  const changed = await store.set({ notifications: 'always' });
  assert.equal(changed.notifications, 'always');
  assert.equal(changed.theme, 'dark');
  await assert.rejects(store.set({ notifications: 'sometimes' }), /notifications/);
  await assert.rejects(store.set({ colour: 'blue' }), /colour|Unrecognized/);
});

test('notifications follow the setting and the window focus', () => {
  const when = (notifications: 'unfocused' | 'always' | 'never', notifyFailuresOnly = false) => ({
    notifications,
    notifyFailuresOnly,
  });
  assert.equal(shouldNotify(when('unfocused'), false, true), true);
  assert.equal(shouldNotify(when('unfocused'), true, true), false);
  assert.equal(shouldNotify(when('always'), true, true), true);
  assert.equal(shouldNotify(when('never'), false, false), false);
  assert.equal(shouldNotify(when('always', true), true, true), false);
  assert.equal(shouldNotify(when('always', true), true, false), true);
});

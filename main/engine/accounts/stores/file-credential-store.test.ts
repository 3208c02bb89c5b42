import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { credentialProviderFor, MemoryCredentialStore } from './credential-store.js';
import { FileCredentialStore } from './file-credential-store.js';
import { hasPosixModes } from './private-file.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const posix = hasPosixModes();
const root = suiteTempDir('sifport-logins-');
let n = 0;

/** A fresh config dir below the test root, and a store with its warnings collected. */
function freshStore(): {
  dir: string;
  file: string;
  store: FileCredentialStore;
  warnings: string[];
} {
  const dir = join(root.path, `cfg-${++n}`, 'sifport');
  const file = join(dir, 'logins.json');
  const warnings: string[] = [];
  return {
    dir,
    file,
    store: new FileCredentialStore(file, { onWarning: (m) => warnings.push(m) }),
    warnings,
  };
}

test('put creates a 0700 directory and a 0600 file, and get reads it back', async () => {
  const { dir, file, store } = freshStore();
  assert.equal(await store.get('r.example'), undefined);
  await store.put('r.example', { username: 'u', password: 'secret-1', caFile: '/ca.pem' });
  assert.deepEqual(await store.get('r.example'), {
    username: 'u',
    password: 'secret-1',
    caFile: '/ca.pem',
  });
  if (posix) {
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
  }
  const onDisk = JSON.parse(await readFile(file, 'utf8')) as { version: number; logins: object };
  assert.equal(onDisk.version, 1);
  assert.deepEqual(Object.keys(onDisk.logins), ['r.example']);
});

test('writes are atomic: no temporary file is left and concurrent puts all land', async () => {
  const { dir, store } = freshStore();
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      store.put(`r${i}.example`, { username: `u${i}`, password: `pw-${i}-xyz` }),
    ),
  );
  assert.equal((await store.list()).length, 20);
  assert.deepEqual(await readdir(dir), ['logins.json']);
  assert.equal(await store.delete('r3.example'), true);
  assert.equal(await store.delete('r3.example'), false);
  assert.equal((await store.list()).length, 19);
  assert.deepEqual(await readdir(dir), ['logins.json']);
});

test(
  'a logins file others can read is tightened to 0600 with a warning',
  { skip: !posix },
  async () => {
    const { dir, file, store, warnings } = freshStore();
    await mkdir(dir, { recursive: true });
    await writeFile(
      file,
      JSON.stringify({ version: 1, logins: { h: { username: 'a', password: 'bbbb' } } }),
    );
    await chmod(file, 0o644);
    assert.deepEqual(await store.get('h'), { username: 'a', password: 'bbbb' });
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /readable by other users.*0600/);
  },
);

test('a loose config directory is tightened to 0700 on write', { skip: !posix }, async () => {
  const { dir, store } = freshStore();
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await chmod(dir, 0o755);
  await store.put('h', { username: 'a', password: 'bbbb' });
  assert.equal((await stat(dir)).mode & 0o777, 0o700);
});

test('a corrupt logins file is moved aside and reported, not silently reset', async () => {
  const { dir, file, store, warnings } = freshStore();
  await mkdir(dir, { recursive: true });
  await writeFile(file, '{ not json', { mode: 0o600 });
  assert.deepEqual(await store.list(), []);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /was not valid; it was moved to .*logins\.json\.corrupt-\d+/);
  const names = await readdir(dir);
  assert.equal(names.length, 1);
  assert.match(names[0]!, /^logins\.json\.corrupt-\d+$/);
  assert.equal(await readFile(join(dir, names[0]!), 'utf8'), '{ not json');
});

test('credentialProviderFor turns a login into a Basic credential', async () => {
  const store = new MemoryCredentialStore();
  await store.put('h', { username: 'a', password: 'bbbb', insecure: true });
  const provider = credentialProviderFor(store);
  assert.deepEqual(await provider('h'), { kind: 'basic', username: 'a', password: 'bbbb' });
  assert.equal(await provider('other'), undefined);
});

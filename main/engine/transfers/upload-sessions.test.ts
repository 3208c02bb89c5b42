import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import {
  FileUploadSessionStore,
  recordSessions,
  storableLocation,
  type UploadSessionRecord,
} from './upload-sessions.js';
import { suiteTempDir } from '../../../e2e/kit/index.js';

const KEY = { path: '/data/app.sif', registry: 'reg.example.com', repository: 'lab/app' };
const FILE = { ...KEY, size: 10, mtimeMs: 1, ino: 2 };

describe('upload session records (issue #10 item 15)', () => {
  const dir = suiteTempDir('sifport-upload-sessions-');

  it('stores a location without user info, keeping its query (the _state)', () => {
    assert.equal(
      storableLocation(
        new URL('https://u:pw@reg.example.com/v2/lab/app/blobs/uploads/1?_state=abc'),
      ),
      'https://reg.example.com/v2/lab/app/blobs/uploads/1?_state=abc',
    );
  });

  it('a file store keeps records across instances, 0600, and forgets them on delete', async () => {
    const file = join(dir.path, 'sessions.json');
    const record: UploadSessionRecord = {
      ...FILE,
      location: 'https://reg.example.com/up/1?_state=x',
      savedAt: 5,
    };
    await new FileUploadSessionStore(file).put(record);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const again = new FileUploadSessionStore(file);
    assert.deepEqual(await again.get(KEY), record);
    await again.delete(KEY);
    assert.equal(await new FileUploadSessionStore(file).get(KEY), undefined);
  });

  it('a damaged file counts as empty', async () => {
    const file = join(dir.path, 'damaged.json');
    await writeFile(file, '{not json');
    assert.equal(await new FileUploadSessionStore(file).get(KEY), undefined);
  });

  it('the recorder writes the latest location and drops it when the upload ends', async () => {
    const file = join(dir.path, 'recorder.json');
    const store = new FileUploadSessionStore(file);
    const recorder = recordSessions(store, KEY, FILE);
    recorder.onSession(new URL('https://reg.example.com/up/1?_state=a'));
    recorder.onSession(new URL('https://reg.example.com/up/1?_state=b'));
    await new Promise((r) => setTimeout(r, 50));
    assert.match(await readFile(file, 'utf8'), /_state=b/);
    await recorder.forget();
    assert.equal(await new FileUploadSessionStore(file).get(KEY), undefined);
  });
});

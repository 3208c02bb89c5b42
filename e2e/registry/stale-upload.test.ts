import assert from 'node:assert/strict';
import { realpath, stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parseReference } from '../../main/engine/registry/reference.js';
import { pushScope } from '../../main/engine/registry/auth/scopes.js';
import { startUpload } from '../../main/engine/registry/upload-session.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import {
  FileUploadSessionStore,
  type UploadSessionRecord,
} from '../../main/engine/transfers/upload-sessions.js';
import { bed, clientFor, MiB, skip, suiteSif, uniqueRepo } from './bed.js';

/**
 * Issue #10 item 15: a push killed mid-upload left its session (hundreds of MB) on the
 * registry. The push records the session in the profile while it runs; the next push of the
 * same file to the same repository deletes the stale one (distribution supports DELETE).
 */
describe('stale upload sessions of a killed push (issue #10 item 15)', () => {
  const sif = suiteSif('stale-upload', 'stale.sif', 3 * MiB);

  it(
    'the next push of the same file deletes the session a killed push left',
    { skip },
    async () => {
      const client = clientFor(bed!, 'basic');
      const repo = uniqueRepo('stale');
      const store = new FileUploadSessionStore(join(sif.dir, 'upload-sessions.json'));
      try {
        // What a push killed after its first chunk leaves: a session holding 1 MiB, recorded.
        const session = await startUpload(client, repo);
        const patch = await client.request({
          method: 'PATCH',
          path: session.location,
          scopes: [pushScope(repo)],
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(MiB) },
          body: sif.bytes.subarray(0, MiB),
          crossOrigin: 'without-credentials',
          what: 'Uploading the first chunk',
        });
        assert.equal(patch.status, 202);
        await patch.discard();
        const stale = new URL(patch.headers.location!, session.location);
        const path = await realpath(sif.path);
        const st = await stat(path);
        const record: UploadSessionRecord = {
          path,
          size: st.size,
          mtimeMs: st.mtimeMs,
          ino: st.ino,
          registry: client.registry,
          repository: repo,
          location: stale.href,
          savedAt: Date.now(),
        };
        await store.put(record);
        const status = async (): Promise<number> => {
          const res = await client.request({
            method: 'GET',
            path: stale,
            scopes: [pushScope(repo)],
            crossOrigin: 'without-credentials',
            retry: false,
            what: 'Checking the stale session',
          });
          await res.discard();
          return res.status;
        };
        assert.equal(await status(), 204, 'the stale session holds its bytes');

        const seen: string[] = [];
        const watching = {
          get: (key: Parameters<typeof store.get>[0]) => store.get(key),
          put: async (r: UploadSessionRecord) => {
            seen.push(r.location);
            await store.put(r);
          },
          delete: (key: Parameters<typeof store.delete>[0]) => store.delete(key),
        };
        const result = await pushSif({
          client,
          file: sif.path,
          reference: parseReference(`${bed!.basic.host}/${repo}:1`),
          uploadSessions: watching,
          chunkSize: MiB,
        });
        assert.equal(result.blob, 'uploaded');
        assert.equal(await status(), 404, 'the stale session is gone');
        assert.ok(seen.length >= 1, 'the new session was recorded while it ran');
        assert.ok(!seen.some((l) => l === stale.href));
        assert.equal(await store.get(record), undefined, 'and forgotten once the push finished');
        const file = await readFile(join(sif.dir, 'upload-sessions.json'), 'utf8');
        assert.doesNotMatch(file, new RegExp(bed!.users.tester.password));
        assert.equal((await stat(join(sif.dir, 'upload-sessions.json'))).mode & 0o777, 0o600);
      } finally {
        client.close();
      }
    },
  );
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  FAST_RETRY,
  UNSIGNED_SIF,
  MiB,
  suiteFakeRegistry,
  suiteTempDir,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { RegistryClient } from '../registry/client.js';
import { resolveManifest } from '../registry/manifests.js';
import { EMPTY_CONFIG_DIGEST } from '../registry/media-types.js';
import { parseReference } from '../registry/reference.js';
import {
  NodeHttpTransport,
  type HttpRequest,
  type HttpTransport,
} from '../registry/transport/http.js';
import { pushSif } from './push.js';

/**
 * What the transfer queue's cancel relies on (issue #11): an aborted push deletes the upload
 * session it opened, whether the digest was known up front (small file) or was still being
 * computed while the upload ran (a file over 64 MiB).
 */
describe('pushSif cancelled mid-upload', () => {
  const fake = suiteFakeRegistry();
  const dir = suiteTempDir('sifport-push-cancel-');
  let inner: NodeHttpTransport;

  before(() => {
    inner = new NodeHttpTransport();
  });
  after(() => inner.close());

  /**
   * A client whose transport hands the config blob's closing PUT to `atPut` (which may change
   * it); `configSession()` is that PUT's session path.
   */
  function watchingConfigPut(atPut: (request: HttpRequest) => HttpRequest) {
    let session = '';
    const transport: HttpTransport = {
      send(request) {
        if (
          request.method === 'PUT' &&
          request.url.searchParams.get('digest') === EMPTY_CONFIG_DIGEST
        ) {
          session = request.url.pathname;
          return inner.send(atPut(request));
        }
        return inner.send(request);
      },
    };
    return {
      client: new RegistryClient({ registry: fake.host, retry: FAST_RETRY, transport }),
      configSession: () => session,
    };
  }

  /** DELETEs of upload sessions in `repo` the fake registry answered. */
  const deletedSessions = (repo: string) =>
    fake.requests.filter(
      (r) => r.method === 'DELETE' && r.path.startsWith(`/v2/${repo}/blobs/uploads/`),
    );

  /** Pushes `file` and aborts once the first PATCH of its layer has been answered. */
  async function cancelledPush(file: string, repo: string): Promise<void> {
    const controller = new AbortController();
    const transport: HttpTransport = {
      send(request) {
        const answer = inner.send(request);
        if (request.method !== 'PATCH') return answer;
        return answer.then((res) => {
          controller.abort();
          return res;
        });
      },
    };
    const client = new RegistryClient({ registry: fake.host, retry: FAST_RETRY, transport });
    await assert.rejects(
      pushSif({
        client,
        file,
        reference: parseReference(`${fake.host}/${repo}:1`),
        chunkSize: 256 * 1024,
        signal: controller.signal,
      }),
      (err: unknown) => err instanceof SifportError && err.code === 'CANCELLED',
    );
    const sessions = new Set(
      fake.requests
        .filter((r) => r.method === 'PATCH' && r.path.startsWith(`/v2/${repo}/blobs/uploads/`))
        .map((r) => r.path.split('?')[0]),
    );
    assert.ok(sessions.size >= 1, 'an upload was under way');
    for (const session of sessions) {
      const deleted = fake.requests.filter((r) => r.method === 'DELETE' && r.path === session);
      assert.deepEqual(
        deleted.map((r) => r.status),
        [204],
        `${session} was deleted`,
      );
    }
    assert.equal(await resolveManifest(client, repo, '1'), undefined, 'no manifest was written');
  }

  it('deletes the session of a file whose digest was known (hashed first)', async () => {
    const file = join(dir.path, 'small.sif');
    await writeFile(file, Buffer.concat([await readFile(UNSIGNED_SIF), randomBytes(2 * MiB)]));
    await cancelledPush(file, 'cancel/small');
  });

  it('deletes the session of a large file uploaded while it is hashed', async () => {
    const file = join(dir.path, 'large.sif');
    await writeFile(file, await readFile(UNSIGNED_SIF));
    await truncate(file, 65 * MiB); // sparse: over the hash-first limit, cheap to make
    await cancelledPush(file, 'cancel/large');
  });

  it('a config blob the registry refuses stops the layer beside it and is the error reported', async () => {
    const file = join(dir.path, 'refused-config.sif');
    await writeFile(file, Buffer.concat([await readFile(UNSIGNED_SIF), randomBytes(70 * MiB)]));
    const { client, configSession } = watchingConfigPut((request) => ({
      ...request,
      url: new URL('/v2/forbidden/config', request.url),
    }));
    await assert.rejects(
      pushSif({ client, file, reference: parseReference(`${fake.host}/refused/config:1`) }),
      (err: unknown) =>
        err instanceof SifportError &&
        err.code !== 'CANCELLED' &&
        /config|sha256:44136fa/.test(err.message),
    );
    const requests = (method: string, path: string) =>
      fake.requests.filter((r) => r.method === method && r.path.startsWith(path));
    assert.deepEqual(requests('PUT', '/v2/refused/config/manifests/'), [], 'no manifest');
    assert.equal(requests('PUT', '/v2/refused/config/blobs/').length, 0, 'the layer never closed');
    assert.ok(
      deletedSessions('refused/config').some((r) => r.path.split('?')[0] === configSession()),
      "the refused config's session is deleted",
    );
  });

  it('deletes the session of the config blob when cancelled during its PUT', async () => {
    const file = join(dir.path, 'config.sif');
    await writeFile(file, await readFile(UNSIGNED_SIF));
    const controller = new AbortController();
    const { client, configSession } = watchingConfigPut((request) => {
      controller.abort();
      return request;
    });
    await assert.rejects(
      pushSif({
        client,
        file,
        reference: parseReference(`${fake.host}/cancel/config:1`),
        signal: controller.signal,
      }),
      (err: unknown) => err instanceof SifportError && err.code === 'CANCELLED',
    );
    const deleted = deletedSessions('cancel/config');
    assert.ok(
      deleted.some((r) => r.path.split('?')[0] === configSession()),
      "the config's session is deleted",
    );
    // The layer's upload runs beside it: a session it learnt of is deleted too (one whose
    // POST was still unanswered at the cancel is the registry's to expire).
    assert.ok(deleted.every((r) => r.status === 204));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { empty, json, suiteRecordingRegistry } from '../../../e2e/kit/index.js';
import { getManifest, putManifest, resolveManifest, sha256Digest } from './manifests.js';
import { MANIFEST_ACCEPT, MEDIA_TYPES } from './media-types.js';

const BODY = Buffer.from('{"schemaVersion":2,"layers":[]}');
const DIGEST = sha256Digest(BODY);
const OTHER = `sha256:${'0'.repeat(64)}`;
/** An honest manifest whose annotation holds one byte that is not valid UTF-8 (0xff). */
const LATIN1 = Buffer.concat([
  Buffer.from('{"schemaVersion":2,"layers":[],"annotations":{"a":"caf'),
  Buffer.from([0xff]),
  Buffer.from('"}}'),
]);
const LATIN1_DIGEST = sha256Digest(LATIN1);

/** Manifests the fake serves by tag or by `digest`, claiming that digest whatever the bytes. */
const SERVED = [
  {
    tag: 'good',
    digest: DIGEST,
    contentType: `${MEDIA_TYPES.ociManifest}; charset=utf-8`,
    body: BODY,
  },
  { tag: 'lying', digest: OTHER, contentType: MEDIA_TYPES.ociManifest, body: BODY },
  { tag: 'latin1', digest: LATIN1_DIGEST, contentType: MEDIA_TYPES.ociManifest, body: LATIN1 },
];

describe('manifests (oras.md §3.5)', () => {
  const registry = suiteRecordingRegistry((req, res) => {
    const path = req.path;
    const served = SERVED.find(
      (m) => path === `/v2/r/manifests/${m.tag}` || path === `/v2/r/manifests/${m.digest}`,
    );
    if (req.method === 'GET' && served) {
      res.writeHead(200, {
        'content-type': served.contentType,
        'docker-content-digest': served.digest,
      });
      res.end(served.body);
      return true;
    }
    if (req.method === 'GET' && path === '/v2/r/manifests/missing') {
      return json(res, 404, {
        errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }],
      });
    }
    if (req.method === 'HEAD' && path === '/v2/r/manifests/good') {
      return empty(res, 200, { 'docker-content-digest': DIGEST });
    }
    if (req.method === 'HEAD' && path === '/v2/r/manifests/missing') return empty(res, 404);
    if (req.method === 'PUT' && path === '/v2/r/manifests/ok') {
      return empty(res, 201, { 'docker-content-digest': sha256Digest(req.body) });
    }
    if (req.method === 'PUT' && path === '/v2/r/manifests/altered') {
      return empty(res, 201, { 'docker-content-digest': OTHER });
    }
    if (req.method === 'PUT' && path === '/v2/r/manifests/bad-type') {
      return json(res, 400, {
        errors: [{ code: 'MANIFEST_INVALID', message: 'manifest invalid' }],
      });
    }
    return false;
  });

  it('GETs with an Accept header listing every manifest type and returns the exact bytes', async () => {
    const fetched = await getManifest(registry.client, 'r', 'good');
    assert.deepEqual(fetched, { bytes: BODY, mediaType: MEDIA_TYPES.ociManifest, digest: DIGEST });
    const accept = registry.server.requests.at(-1)!.headers.accept ?? '';
    for (const type of [
      MEDIA_TYPES.ociManifest,
      MEDIA_TYPES.ociIndex,
      MEDIA_TYPES.dockerManifest,
      MEDIA_TYPES.dockerManifestList,
    ]) {
      assert.ok(accept.includes(type), type);
    }
    assert.equal(accept, MANIFEST_ACCEPT);
    assert.equal((await getManifest(registry.client, 'r', DIGEST)).digest, DIGEST);
  });

  it('refuses a body that does not match Docker-Content-Digest or the digest asked for', async () => {
    await assert.rejects(getManifest(registry.client, 'r', 'lying'), { code: 'DIGEST_MISMATCH' });
    await assert.rejects(getManifest(registry.client, 'r', OTHER), { code: 'DIGEST_MISMATCH' });
  });

  it('hashes the bytes as received, even when they are not valid UTF-8', async () => {
    for (const reference of ['latin1', LATIN1_DIGEST]) {
      const fetched = await getManifest(registry.client, 'r', reference);
      assert.equal(fetched.digest, LATIN1_DIGEST);
      assert.deepEqual(fetched.bytes, LATIN1);
    }
  });

  it('says which reference is missing', async () => {
    await assert.rejects(getManifest(registry.client, 'r', 'missing'), (err: unknown) => {
      assert.equal((err as { code?: string }).code, 'NOT_FOUND');
      assert.match((err as Error).message, /r:missing does not exist \(MANIFEST_UNKNOWN\)/);
      return true;
    });
  });

  it('resolves a tag to its digest with HEAD, undefined when absent', async () => {
    assert.equal(await resolveManifest(registry.client, 'r', 'good'), DIGEST);
    assert.equal(await resolveManifest(registry.client, 'r', 'missing'), undefined);
  });

  it('PUTs with Content-Type = media type and checks the digest the registry confirms', async () => {
    assert.equal(
      await putManifest(registry.client, 'r', 'ok', BODY, MEDIA_TYPES.ociManifest),
      DIGEST,
    );
    const put = registry.server.requests.at(-1)!;
    assert.equal(put.headers['content-type'], MEDIA_TYPES.ociManifest);
    assert.deepEqual(put.body, BODY);
    await assert.rejects(
      putManifest(registry.client, 'r', 'altered', BODY, MEDIA_TYPES.ociManifest),
      {
        code: 'DIGEST_MISMATCH',
      },
    );
    await assert.rejects(putManifest(registry.client, 'r', 'bad-type', BODY, 'application/json'), {
      code: 'MANIFEST_INVALID',
    });
    assert.deepEqual(registry.server.unexpected, []);
  });
});

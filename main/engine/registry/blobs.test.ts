import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  empty,
  json,
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
  suiteRecordingRegistry,
  loopbackClient,
  sha256,
} from '../../../e2e/kit/index.js';
import { headBlob, mountBlob, openBlob } from './blobs.js';
import type { RegistryClient } from './client.js';

const USER = 'bob';
const PASSWORD = 'blob-pass-1';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const BLOB = Buffer.from('0123456789abcdefghij');
const DIGEST = sha256(BLOB);

/** Serves BLOB honouring `Range: bytes=N-`. */
function serveBytes(req: RecordedRequest, res: ServerResponse): true {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range) {
    const start = Number(range[1]);
    const part = BLOB.subarray(start);
    res.writeHead(206, {
      'content-length': part.length,
      'content-range': `bytes ${start}-${BLOB.length - 1}/${BLOB.length}`,
    });
    res.end(part);
  } else {
    res.writeHead(200, { 'content-length': BLOB.length });
    res.end(BLOB);
  }
  return true;
}

describe('openBlob redirects (oras.md §3.2)', () => {
  /** "Object storage" on another port: another origin. */
  let storage: RecordingServer;
  /** The registry: wants Basic auth and redirects blob GETs. */
  let registry: RecordingServer;
  let client: RegistryClient;

  before(async () => {
    storage = await startRecordingServer((req, res) =>
      req.path.startsWith('/bucket/') ? serveBytes(req, res) : false,
    );
    registry = await startRecordingServer((req, res) => {
      if (req.headers.authorization !== AUTH) {
        return json(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED' }] },
          {
            'www-authenticate': 'Basic realm="r"',
          },
        );
      }
      if (req.path === `/v2/repo/blobs/${DIGEST}`) {
        return empty(res, 307, { location: `${storage.url}/bucket/blob?X-Signature=abc` });
      }
      if (req.path === `/v2/local/blobs/${DIGEST}`) {
        return empty(res, 302, { location: `/v2/moved/blobs/${DIGEST}` });
      }
      if (req.path === `/v2/moved/blobs/${DIGEST}`) return serveBytes(req, res);
      if (req.path === `/v2/loop/blobs/${DIGEST}`) {
        return empty(res, 307, { location: `/v2/loop/blobs/${DIGEST}` });
      }
      return false;
    });
    client = loopbackClient(registry.host, {
      credentials: { kind: 'basic', username: USER, password: PASSWORD },
    });
  });
  after(async () => {
    client.close();
    await storage.close();
    await registry.close();
  });
  beforeEach(() => {
    storage.requests.length = 0;
    registry.requests.length = 0;
  });

  it('follows a redirect to another host without the Authorization header', async () => {
    const { response, partial } = await openBlob(client, 'repo', DIGEST, 0);
    assert.equal(partial, false);
    assert.deepEqual(await buffer(response.body), BLOB);
    assert.equal(storage.requests.length, 1);
    const hop = storage.requests[0]!;
    assert.equal(hop.path, '/bucket/blob?X-Signature=abc'); // signed query kept verbatim
    assert.equal(hop.headers.authorization, undefined);
    // The registry itself did get the credentials.
    assert.equal(registry.requests.at(-1)!.headers.authorization, AUTH);
    assert.deepEqual(storage.unexpected, []);
  });

  it('keeps Range on the redirected request and reports a partial answer', async () => {
    const { response, partial } = await openBlob(client, 'repo', DIGEST, 5);
    assert.equal(partial, true);
    assert.deepEqual(await buffer(response.body), BLOB.subarray(5));
    assert.equal(registry.requests.at(-1)!.headers.range, 'bytes=5-');
    assert.equal(storage.requests[0]!.headers.range, 'bytes=5-');
    assert.equal(storage.requests[0]!.headers.authorization, undefined);
  });

  it('keeps Authorization and Range on a redirect within the same registry', async () => {
    const { response, partial } = await openBlob(client, 'local', DIGEST, 3);
    assert.equal(partial, true);
    assert.deepEqual(await buffer(response.body), BLOB.subarray(3));
    const moved = registry.requests.filter((r) => r.path.startsWith('/v2/moved/'));
    assert.equal(moved.length, 1);
    assert.equal(moved[0]!.headers.authorization, AUTH);
    assert.equal(moved[0]!.headers.range, 'bytes=3-');
  });

  it('gives up on a redirect loop', async () => {
    await assert.rejects(openBlob(client, 'loop', DIGEST, 0), /too many or broken redirects/);
  });
});

describe('openBlob answers', () => {
  const registry = suiteRecordingRegistry((req, res) => {
    if (req.path === `/v2/gone/blobs/${DIGEST}`) {
      return json(res, 404, { errors: [{ code: 'BLOB_UNKNOWN' }] });
    }
    if (req.path === `/v2/wrong-offset/blobs/${DIGEST}`) {
      res.writeHead(206, { 'content-range': `bytes 0-19/20`, 'content-length': 20 });
      res.end(BLOB);
      return true;
    }
    if (req.path === `/v2/no-range/blobs/${DIGEST}`) {
      res.writeHead(200, { 'content-length': BLOB.length });
      res.end(BLOB);
      return true;
    }
    return false;
  });

  it('reports BLOB_UNKNOWN as NOT_FOUND', async () => {
    await assert.rejects(openBlob(registry.client, 'gone', DIGEST, 0), {
      code: 'NOT_FOUND',
      status: 404,
    });
  });

  it('refuses a 206 that starts somewhere else, as a retryable error', async () => {
    await assert.rejects(openBlob(registry.client, 'wrong-offset', DIGEST, 7), {
      code: 'NETWORK',
      retryable: true,
    });
  });

  it('says "not partial" when the server ignores Range', async () => {
    const { response, partial } = await openBlob(registry.client, 'no-range', DIGEST, 7);
    assert.equal(partial, false);
    await response.discard();
  });
});

describe('headBlob and mountBlob (oras.md §3.2, §3.4)', () => {
  const registry = suiteRecordingRegistry((req, res) => {
    const url = new URL(req.path, 'http://x');
    if (req.method === 'HEAD' && url.pathname === `/v2/has/blobs/${DIGEST}`) {
      return empty(res, 200, { 'content-length': 20, 'docker-content-digest': DIGEST });
    }
    if (req.method === 'HEAD' && url.pathname === `/v2/cdn/blobs/${DIGEST}`) {
      return empty(res, 307, { location: 'http://127.0.0.1:1/elsewhere' });
    }
    if (req.method === 'HEAD' && url.pathname === `/v2/none/blobs/${DIGEST}`) {
      return empty(res, 404);
    }
    if (req.method === 'HEAD' && url.pathname === `/v2/denied/blobs/${DIGEST}`) {
      return empty(res, 403);
    }
    if (req.method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) {
      const from = url.searchParams.get('from');
      assert.equal(url.searchParams.get('mount'), DIGEST);
      if (from === 'src') return empty(res, 201, { location: `/v2/x/blobs/${DIGEST}` });
      if (from === 'unknown')
        return empty(res, 202, { location: '/v2/x/blobs/uploads/u1?_state=s' });
      return json(res, 400, { errors: [{ code: 'UNSUPPORTED' }] });
    }
    return false;
  });

  it('headBlob: size when present, undefined when absent, -1 when served elsewhere', async () => {
    assert.equal(await headBlob(registry.client, 'has', DIGEST), 20);
    assert.equal(await headBlob(registry.client, 'none', DIGEST), undefined);
    assert.equal(await headBlob(registry.client, 'cdn', DIGEST), -1);
    await assert.rejects(headBlob(registry.client, 'denied', DIGEST), { code: 'DENIED' });
  });

  it('mountBlob: 201 mounted, 202 gives the session, anything else means upload', async () => {
    assert.deepEqual(await mountBlob(registry.client, 'x', DIGEST, 'src'), { mounted: true });
    const offered = await mountBlob(registry.client, 'x', DIGEST, 'unknown');
    assert.equal(offered.mounted, false);
    assert.equal(
      !offered.mounted && offered.session?.href,
      `${registry.server.url}/v2/x/blobs/uploads/u1?_state=s`,
    );
    assert.deepEqual(await mountBlob(registry.client, 'x', DIGEST, 'quay-style'), {
      mounted: false,
    });
    assert.deepEqual(registry.server.unexpected, []);
  });
});

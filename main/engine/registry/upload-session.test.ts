import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import { empty, json, suiteRecordingRegistry } from '../../../e2e/kit/index.js';
import type { HttpResponse } from './transport/http.js';
import {
  cancelUpload,
  finishUpload,
  nextOffsetFromRange,
  startUpload,
  uploadStatus,
} from './upload-session.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;

function withHeaders(headers: IncomingHttpHeaders): HttpResponse {
  return {
    status: 202,
    headers,
    url: new URL('http://127.0.0.1/'),
    body: Readable.from([]),
    text: async () => '',
    discard: async () => undefined,
  };
}

describe('nextOffsetFromRange', () => {
  it('reads Range: 0-<end> (with or without bytes=) as end + 1', () => {
    assert.equal(nextOffsetFromRange(withHeaders({ range: '0-1048575' })), 1048576);
    assert.equal(nextOffsetFromRange(withHeaders({ range: 'bytes=0-99' })), 100);
    assert.equal(nextOffsetFromRange(withHeaders({})), undefined);
    assert.equal(nextOffsetFromRange(withHeaders({ range: '5-9' })), undefined);
    assert.equal(nextOffsetFromRange(withHeaders({ range: 'junk' })), undefined);
  });
});

describe('upload sessions (oras.md §3.3)', () => {
  /** Range the status GET answers with. */
  let statusRange: string | undefined;

  const registry = suiteRecordingRegistry((req, res) => {
    const url = new URL(req.path, 'http://x');
    if (req.method === 'POST' && url.pathname === '/v2/r/blobs/uploads/') {
      // Relative Location with a signed query, as the bed's Basic registry sends it.
      return empty(res, 202, {
        location: '/v2/r/blobs/uploads/u1?_state=abc%3D',
        range: '0-0',
        'oci-chunk-min-length': '5242880',
      });
    }
    if (req.method === 'POST' && url.pathname === '/v2/nolocation/blobs/uploads/') {
      return empty(res, 202);
    }
    if (url.pathname === '/v2/r/blobs/uploads/u1') {
      if (req.method === 'GET') {
        return empty(res, 204, {
          location: '/v2/r/blobs/uploads/u1?_state=fresh',
          ...(statusRange === undefined ? {} : { range: statusRange }),
        });
      }
      if (req.method === 'DELETE') return empty(res, 204);
      if (req.method === 'PUT') {
        const digest = url.searchParams.get('digest');
        return empty(res, 201, {
          'docker-content-digest': digest === DIGEST ? DIGEST : 'sha256:other',
        });
      }
    }
    if (url.pathname === '/v2/r/blobs/uploads/gone' && req.method === 'GET') {
      return json(res, 404, { errors: [{ code: 'BLOB_UPLOAD_INVALID' }] });
    }
    return false;
  });

  it('starts at offset 0 despite Range: 0-0, resolves a relative Location, keeps the query', async () => {
    const session = await startUpload(registry.client, 'r');
    assert.equal(session.offset, 0);
    assert.equal(
      session.location.href,
      `${registry.server.url}/v2/r/blobs/uploads/u1?_state=abc%3D`,
    );
    assert.equal(session.minChunk, 5242880);
    assert.equal(registry.server.requests.at(-1)!.headers['content-length'], '0');
  });

  it('refuses a session without Location', async () => {
    await assert.rejects(startUpload(registry.client, 'nolocation'), { code: 'UPLOAD_INVALID' });
  });

  it('status: offset from Range and the fresh Location', async () => {
    const session = await startUpload(registry.client, 'r');
    statusRange = '0-4095';
    const status = await uploadStatus(registry.client, 'r', session);
    assert.equal(status?.offset, 4096);
    assert.equal(
      status?.location.href,
      `${registry.server.url}/v2/r/blobs/uploads/u1?_state=fresh`,
    );
  });

  it('status: an empty session (Range 0-0, as distribution sends it) is offset 0, not 1', async () => {
    const session = await startUpload(registry.client, 'r');
    statusRange = '0-0';
    assert.equal((await uploadStatus(registry.client, 'r', session))?.offset, 0);
    statusRange = undefined;
    assert.equal((await uploadStatus(registry.client, 'r', session))?.offset, 0);
  });

  it('status: undefined when the registry lost the session', async () => {
    const session = {
      location: new URL(`${registry.server.url}/v2/r/blobs/uploads/gone`),
      offset: 10,
      minChunk: 0,
    };
    assert.equal(await uploadStatus(registry.client, 'r', session), undefined);
  });

  it('finish: PUT ?digest= appended to the existing query, checks the confirmed digest', async () => {
    const session = await startUpload(registry.client, 'r');
    await finishUpload(registry.client, 'r', session, DIGEST);
    const put = new URL(registry.server.requests.at(-1)!.path, registry.server.url);
    assert.equal(put.searchParams.get('_state'), 'abc=');
    assert.equal(put.searchParams.get('digest'), DIGEST);
    await assert.rejects(finishUpload(registry.client, 'r', session, `sha256:${'e'.repeat(64)}`), {
      code: 'DIGEST_MISMATCH',
    });
  });

  it('cancel: DELETE on the Location, failures ignored', async () => {
    const session = await startUpload(registry.client, 'r');
    await cancelUpload(registry.client, 'r', session);
    assert.equal(registry.server.requests.at(-1)!.method, 'DELETE');
    await cancelUpload(registry.client, 'r', {
      location: new URL('http://127.0.0.1:1/v2/r/blobs/uploads/x'),
      offset: 0,
      minChunk: 0,
    });
    assert.deepEqual(registry.server.unexpected, []);
  });
});

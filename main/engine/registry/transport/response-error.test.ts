import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import type { HttpResponse } from './http.js';
import { describeRequest, errorFromResponse, parseOciErrors } from './response-error.js';

/** A response with a fixed body: the shape the transport hands to errorFromResponse. */
function response(status: number, body: string, headers: IncomingHttpHeaders = {}): HttpResponse {
  const bytes = Buffer.from(body);
  return {
    status,
    headers,
    url: new URL('http://127.0.0.1:5000/v2/a/b/manifests/latest'),
    body: Readable.from([bytes]),
    text: async () => bytes.toString('utf8'),
    discard: async () => undefined,
  };
}

function ociBody(code: string, message?: string, detail?: unknown): string {
  return JSON.stringify({ errors: [{ code, ...(message ? { message } : {}), detail }] });
}

describe('parseOciErrors', () => {
  it('reads every entry of an OCI error body', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { tag: 'x' } },
        { code: 'NAME_UNKNOWN' },
      ],
    });
    assert.deepEqual(parseOciErrors(body), [
      { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { tag: 'x' } },
      { code: 'NAME_UNKNOWN', message: undefined, detail: undefined },
    ]);
  });

  it('returns [] for empty, plain-text, HTML and odd JSON bodies', () => {
    for (const body of [
      '',
      'Not Authorized',
      '<html>bad gateway</html>',
      '{}',
      '[]',
      'null',
      '{"errors":5}',
    ]) {
      assert.deepEqual(parseOciErrors(body), [], body);
    }
    assert.deepEqual(parseOciErrors('{"errors":[5,null,{"message":"no code"}]}'), []);
  });
});

describe('errorFromResponse (oras.md §3.9)', () => {
  const byRegistryCode: ReadonlyArray<readonly [number, string, string]> = [
    [401, 'UNAUTHORIZED', 'AUTH_REQUIRED'],
    [403, 'DENIED', 'DENIED'],
    [404, 'NAME_UNKNOWN', 'NOT_FOUND'],
    [404, 'MANIFEST_UNKNOWN', 'NOT_FOUND'],
    [404, 'BLOB_UNKNOWN', 'NOT_FOUND'],
    [400, 'NAME_INVALID', 'NAME_INVALID'],
    [400, 'TAG_INVALID', 'NAME_INVALID'],
    [405, 'UNSUPPORTED', 'UNSUPPORTED'],
    [429, 'TOOMANYREQUESTS', 'RATE_LIMITED'],
    [400, 'DIGEST_INVALID', 'DIGEST_MISMATCH'],
    [400, 'SIZE_INVALID', 'SIZE_MISMATCH'],
    [400, 'MANIFEST_INVALID', 'MANIFEST_INVALID'],
    [400, 'MANIFEST_BLOB_UNKNOWN', 'MANIFEST_INVALID'],
    [404, 'BLOB_UPLOAD_INVALID', 'UPLOAD_INVALID'],
    [404, 'BLOB_UPLOAD_UNKNOWN', 'UPLOAD_INVALID'],
    [416, 'RANGE_INVALID', 'UPLOAD_INVALID'],
  ];
  for (const [status, registryCode, code] of byRegistryCode) {
    it(`maps ${status} ${registryCode} to ${code}`, async () => {
      const err = await errorFromResponse(
        response(status, ociBody(registryCode, 'what the registry said')),
        'Fetching x',
      );
      assert.equal(err.code, code);
      assert.equal(err.registryCode, registryCode);
      assert.equal(err.status, status);
      assert.match(
        err.message,
        new RegExp(`^Fetching x failed \\(${registryCode}: what the registry said\\)\\.`),
      );
    });
  }

  it('maps 413 to TOO_LARGE even when the body says SIZE_INVALID (GHCR-style cap)', async () => {
    const err = await errorFromResponse(
      response(413, ociBody('SIZE_INVALID', 'request body exceeds 4194304 bytes')),
      'Uploading',
      'PATCH',
    );
    assert.equal(err.code, 'TOO_LARGE');
    assert.equal(err.registryCode, 'SIZE_INVALID');
    assert.equal(err.retryable, false);
  });

  it('falls back to the status when the code is unknown or the body is not OCI JSON', async () => {
    const cases: ReadonlyArray<readonly [number, string, string]> = [
      [401, '', 'AUTH_REQUIRED'],
      [403, 'Forbidden', 'DENIED'],
      [404, '404 page not found\n', 'NOT_FOUND'],
      [405, '', 'UNSUPPORTED'],
      [413, '', 'TOO_LARGE'],
      [416, '', 'UPLOAD_INVALID'],
      [429, '', 'RATE_LIMITED'],
      [500, ociBody('SOMETHING_NEW'), 'SERVER_ERROR'],
      [503, '', 'SERVER_ERROR'],
      [400, 'bad', 'INTERNAL'],
    ];
    for (const [status, body, code] of cases) {
      const err = await errorFromResponse(response(status, body), 'Doing y');
      assert.equal(err.code, code, `status ${status}`);
    }
  });

  it('marks 429 and 5xx retryable, other answers not', async () => {
    assert.equal((await errorFromResponse(response(429, ''), 'x')).retryable, true);
    assert.equal((await errorFromResponse(response(502, ''), 'x')).retryable, true);
    assert.equal((await errorFromResponse(response(404, ''), 'x')).retryable, false);
    assert.equal((await errorFromResponse(response(401, ''), 'x')).retryable, false);
  });

  it('quotes a plain-text body (ECR style) but not HTML, and cuts it to 200 characters', async () => {
    const ecr = await errorFromResponse(
      response(403, 'Not   Authorized\n', { 'content-type': 'text/plain' }),
      'Pushing',
    );
    assert.match(ecr.message, /^Pushing failed \(HTTP 403 Not Authorized\)\./);
    const html = await errorFromResponse(
      response(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' }),
      'Pushing',
    );
    assert.match(html.message, /^Pushing failed \(HTTP 502\)\./);
    const long = await errorFromResponse(response(500, 'x'.repeat(1000)), 'Pushing');
    assert.ok(long.message.includes(`HTTP 500 ${'x'.repeat(200)})`));
    assert.ok(!long.message.includes('x'.repeat(201)));
  });

  it('adds advice, the request and Retry-After to the error', async () => {
    const err = await errorFromResponse(
      response(429, ociBody('TOOMANYREQUESTS', 'slow down'), { 'retry-after': '3' }),
      'Fetching z',
      'HEAD',
    );
    assert.match(err.message, /rate-limiting/);
    assert.deepEqual(err.detail, {
      status: 429,
      request: 'HEAD 127.0.0.1:5000/v2/a/b/manifests/latest',
      retryAfter: '3',
    });
    assert.equal(describeRequest('PUT', new URL('https://h:1/v2/x?y=1')), 'PUT h:1/v2/x');
  });
});

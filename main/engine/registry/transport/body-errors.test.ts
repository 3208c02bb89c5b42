import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { SifportError } from '../../errors.js';
import { getManifest } from '../manifests.js';
import { NodeHttpTransport } from './http.js';
import { loopbackClient, sha256, withClient } from '../../../../e2e/kit/index.js';

const MANIFEST = Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [] }));
const MANIFEST_DIGEST = sha256(MANIFEST);

/** Sends the headers of a 100-byte answer, 10 bytes of it, then drops the connection. */
function cutShort(res: ServerResponse): void {
  res.writeHead(200, { 'content-length': '100', 'content-type': 'application/json' });
  res.write(Buffer.alloc(10, 0x7b));
  setTimeout(() => res.socket?.destroy(), 20);
}

/**
 * Issue #10 item 11: a body cut short used to surface as `INTERNAL: Unexpected error:
 * aborted`, never retried. The transport now fails such a body with a retryable NETWORK
 * error itself, on both of its paths (node:http, and the raw GET for bulk bodies).
 */
describe('bodies that break mid-way are network errors (issue #10 item 11)', () => {
  let server: Server;
  let base: string;
  let manifestCalls = 0;

  before(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/cut') return cutShort(res);
      if (req.url === '/v2/') return void res.writeHead(200, { 'content-length': '0' }).end();
      if (req.url === '/v2/lab/app/manifests/1') {
        // The first answer breaks half-way; the second is whole.
        if (++manifestCalls === 1) return cutShort(res);
        res.writeHead(200, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
          'content-length': String(MANIFEST.length),
          'docker-content-digest': MANIFEST_DIGEST,
        });
        return void res.end(MANIFEST);
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  for (const bulkBody of [false, true]) {
    it(`reading a cut body fails with a retryable NETWORK error (bulkBody ${bulkBody})`, async () => {
      const transport = new NodeHttpTransport({}, {});
      try {
        const res = await transport.send({ method: 'GET', url: new URL(`${base}/cut`), bulkBody });
        await assert.rejects(res.text(), (err) => {
          assert.ok(err instanceof SifportError, String(err));
          assert.equal(err.code, 'NETWORK');
          assert.equal(err.retryable, true);
          assert.match(err.message, /127\.0\.0\.1/);
          return true;
        });
        const again = await transport.send({
          method: 'GET',
          url: new URL(`${base}/cut`),
          bulkBody,
        });
        await assert.rejects(
          (async () => {
            for await (const chunk of again.body) void chunk;
          })(),
          (err) => err instanceof SifportError && err.code === 'NETWORK' && err.retryable,
        );
      } finally {
        transport.close();
      }
    });
  }

  it('a manifest read that breaks half-way is retried like any network error', async () => {
    await withClient(
      loopbackClient(base.slice('http://'.length), {
        retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      }),
      async (client) => {
        const manifest = await getManifest(client, 'lab/app', '1');
        assert.equal(manifest.digest, MANIFEST_DIGEST);
        assert.equal(manifestCalls, 2);
      },
    );
  });
});

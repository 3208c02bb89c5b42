import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';

import { ensurePki, suiteTempDir } from '../../../../e2e/kit/index.js';
import { NodeHttpTransport } from './http.js';

describe('TLS with a CA file (issue #13)', () => {
  const dir = suiteTempDir('sifport-secure-context-');
  let server: Server;
  let caFile: string;
  let url: URL;

  before(async () => {
    const pki = await ensurePki(join(dir.path, 'pki'));
    caFile = pki.caCert;
    server = createServer(
      { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) },
      // Every answer closes its connection, so each request makes a new TLS connection.
      (_req, res) => res.writeHead(200, { connection: 'close' }).end('ok'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`);
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('every connection shares one secure context: none is built per connection', async () => {
    const transport = new NodeHttpTransport({ caFile });
    const original = tls.createSecureContext;
    let built = 0;
    tls.createSecureContext = (options) => {
      built++;
      return original(options);
    };
    try {
      for (const bulkBody of [false, false, true, true]) {
        // bulkBody GETs take the raw reader's own TLS socket, the others node:https.
        const res = await transport.send({ method: 'GET', url, bulkBody });
        assert.equal(res.status, 200);
        await res.discard();
      }
    } finally {
      tls.createSecureContext = original;
      transport.close();
    }
    assert.equal(built, 0, 'secure contexts built by tls.connect');
  });
});

import assert from 'node:assert/strict';
import tls from 'node:tls';
import { describe, it } from 'node:test';

import { suiteTlsServer } from '../../../../e2e/kit/index.js';
import { NodeHttpTransport } from './http.js';

describe('TLS with a CA file (issue #13)', () => {
  // Every answer closes its connection, so each request makes a new TLS connection.
  const server = suiteTlsServer('sifport-secure-context-', (_req, res) =>
    res.writeHead(200, { connection: 'close' }).end('ok'),
  );

  it('every connection shares one secure context: none is built per connection', async () => {
    const transport = new NodeHttpTransport({ caFile: server.caFile });
    const url = new URL(`${server.url}/v2/`);
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

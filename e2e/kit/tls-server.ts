import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { listenOnLoopback } from '../support/loopback-server.js';
import { ensurePki } from '../support/pki.js';
import { suiteResource } from './suite-resource.js';

/** An https server on 127.0.0.1 whose certificate the CA file `caFile` vouches for. */
export interface SuiteTlsServer {
  /** `https://127.0.0.1:PORT` */
  readonly url: string;
  /** PEM of the test CA that signed the server's certificate. */
  readonly caFile: string;
}

/**
 * Registers hooks on the current suite: `before` makes a test CA and starts an https server
 * answering with `handler`, `after` stops it and removes the CA's folder. For tests of the
 * transport's own TLS (trust from a CA file, connections, records).
 */
export function suiteTlsServer(prefix: string, handler: RequestListener): SuiteTlsServer {
  return suiteResource(
    `${prefix} TLS server`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      const pki = await ensurePki(join(dir, 'pki'));
      const server = createServer(
        { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) },
        handler,
      );
      const listening = await listenOnLoopback(server, { scheme: 'https' });
      return { url: listening.url, caFile: pki.caCert, dir, stop: listening.stop };
    },
    async (made) => {
      await made.stop();
      await rm(made.dir, { recursive: true, force: true });
    },
  );
}

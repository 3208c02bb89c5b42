import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { pickFreePort } from '../support/free-port.js';
import type { PkiFiles } from '../support/pki.js';
import { sendRequest } from '../support/http-request.js';
import { renderRegistryConfig } from '../support/registry-config.js';
import { launchService, tailFile, waitUntilReady } from '../support/service-process.js';

/** One open (no auth) docker-registry on 127.0.0.1, owned by the bench. */
export interface BenchRegistry {
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  /** `http://…`, or `https://…` when it was started with TLS. */
  readonly url: string;
  /** The CA that signed its certificate, when it serves TLS. */
  readonly caFile?: string | undefined;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts a single open CNCF distribution registry (the test bed's "open" flavour) with its
 * data, config and log under `dir`, serving TLS with the test PKI's server certificate when
 * `tls` is given. The process is attached: it dies with this one even when the bench is
 * killed, and `stop()` ends it explicitly.
 */
export async function startBenchRegistry(dir: string, tls?: PkiFiles): Promise<BenchRegistry> {
  for (const sub of ['conf', 'data', 'logs', 'run'])
    await mkdir(join(dir, sub), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = await pickFreePort();
    const configFile = join(dir, 'conf', 'open.yml');
    await writeFile(
      configFile,
      renderRegistryConfig({
        name: 'bench',
        port,
        rootDirectory: join(dir, 'data'),
        secret: randomBytes(16).toString('hex'),
        ...(tls ? { tls: { certificate: tls.serverCert, key: tls.serverKey } } : {}),
      }),
    );
    const service = await launchService({
      name: 'bench-registry',
      command: 'docker-registry',
      args: ['serve', configFile],
      logFile: join(dir, 'logs', 'open.log'),
      pidFile: join(dir, 'run', 'open.pid'),
      detached: false,
    });
    const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    const ca = tls ? await readFile(tls.caCert) : undefined;
    try {
      await waitUntilReady(service, async () => {
        const { status } = await sendRequest(`${url}/v2/`, {
          timeoutMs: 2000,
          ...(ca ? { ca } : {}),
        });
        return status === 200;
      });
      return {
        host: `127.0.0.1:${port}`,
        url,
        caFile: tls?.caCert,
        logFile: service.logFile,
        stop: () => service.stop(),
      };
    } catch (error) {
      await service.stop();
      const busy = (await tailFile(service.logFile, 5)).includes('address already in use');
      if (!busy || attempt >= 3) throw error;
    }
  }
}

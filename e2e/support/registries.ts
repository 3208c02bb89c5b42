import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { pickFreePort } from './free-port.js';
import { writeHtpasswd } from './htpasswd.js';
import { sendRequest } from './http-request.js';
import { ensurePki } from './pki.js';
import type { PkiFiles } from './pki.js';
import { runningRecordedServices } from './recorded-services.js';
import { renderRegistryConfig } from './registry-config.js';
import type { RegistryConfigInput } from './registry-config.js';
import { launchService, tailFile, waitUntilReady } from './service-process.js';
import type { ServiceProcess } from './service-process.js';
import { reader, tester, tokenIssuer, tokenServices } from './testbed-accounts.js';
import type { RegistryEndpoint, TestBed } from './testbed-types.js';
import { startTokenServices } from './token-services.js';
import type { TokenEndpoints } from './token-services.js';

/** Optional knobs of {@link startTestBed}. */
export interface TestBedOptions {
  /**
   * Start every process detached (own session, pid files, survives this process); used by
   * `testbed-cli.ts start`. Default false: processes die with this one.
   */
  readonly detached?: boolean;
  /** Token lifetime in seconds; default 300. */
  readonly tokenTtlSeconds?: number;
}

type RegistryName = 'open' | 'basic' | 'bearer' | 'tls';

interface Layout {
  readonly root: string;
  readonly pki: PkiFiles;
  readonly tokens: TokenEndpoints;
  readonly detached: boolean;
}

function registryInput(name: RegistryName, port: number, layout: Layout): RegistryConfigInput {
  const base = {
    name,
    port,
    rootDirectory: join(layout.root, 'data', name),
    secret: randomBytes(16).toString('hex'),
  };
  const signer = layout.pki.signerCert;
  switch (name) {
    case 'open':
      return base;
    case 'basic':
      return {
        ...base,
        relativeUrls: true,
        htpasswd: { realm: 'sifport-testbed-basic', path: join(layout.root, 'conf', 'htpasswd') },
      };
    case 'bearer':
      return {
        ...base,
        token: {
          realm: layout.tokens.tokenUrl,
          service: tokenServices.bearer,
          issuer: tokenIssuer,
          rootCertBundle: signer,
        },
      };
    case 'tls':
      return {
        ...base,
        tls: { certificate: layout.pki.serverCert, key: layout.pki.serverKey },
        token: {
          realm: layout.tokens.tokenTlsUrl,
          service: tokenServices.tls,
          issuer: tokenIssuer,
          rootCertBundle: signer,
        },
      };
  }
}

/**
 * Launches one `docker-registry serve CONFIG` and waits until `/v2/` answers 200 or 401.
 * The port is picked just before launch; if another process grabbed it meanwhile the registry
 * dies with "address already in use" and we retry on a new port.
 */
async function startRegistry(
  name: RegistryName,
  layout: Layout,
  started: ServiceProcess[],
): Promise<RegistryEndpoint> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await pickFreePort();
    const configFile = join(layout.root, 'conf', `${name}.yml`);
    await writeFile(configFile, renderRegistryConfig(registryInput(name, port, layout)));
    const service = await launchService({
      name,
      command: 'docker-registry',
      args: ['serve', configFile],
      logFile: join(layout.root, 'logs', `${name}.log`),
      pidFile: join(layout.root, 'run', `${name}.pid`),
      detached: layout.detached,
    });
    started.push(service);
    const url = `${name === 'tls' ? 'https' : 'http'}://127.0.0.1:${port}`;
    const ca = name === 'tls' ? await readFile(layout.pki.caCert) : undefined;
    try {
      await waitUntilReady(service, async () => {
        const { status } = await sendRequest(`${url}/v2/`, {
          ...(ca ? { ca } : {}),
          timeoutMs: 2000,
        });
        return status === 200 || status === 401;
      });
      return { host: `127.0.0.1:${port}`, url };
    } catch (error) {
      const busy = (await tailFile(service.logFile, 5)).includes('address already in use');
      if (!busy || attempt >= 3) throw error;
    }
  }
}

/**
 * Starts the registry test bed of spec §7 in `dir`: four CNCF distribution 2.8 registries on
 * 127.0.0.1 (open; Basic with relative URLs; Bearer; TLS + Bearer) and a token server (http and
 * https), all on free ports. `dir` receives pki/, conf/, data/, logs/*.log and run/*.pid; PKI and
 * data are reused across runs. Fails, quoting the last log lines, if a service does not come up.
 */
export async function startTestBed(dir: string, options: TestBedOptions = {}): Promise<TestBed> {
  const root = resolve(dir);
  for (const sub of ['conf', 'logs', 'run', 'data/open', 'data/basic', 'data/bearer', 'data/tls']) {
    await mkdir(join(root, sub), { recursive: true });
  }
  const alive = await runningRecordedServices(root);
  if (alive.length > 0) {
    throw new Error(`test bed in ${root} is already running (${alive.join(', ')}); stop it first`);
  }
  const pki = await ensurePki(join(root, 'pki'));
  await writeHtpasswd(join(root, 'conf', 'htpasswd'), [tester, reader]);
  const detached = options.detached ?? false;
  const ttl = options.tokenTtlSeconds ?? 300;
  const tokens = await startTokenServices({ root, pki, ttlSeconds: ttl, detached });
  const started: ServiceProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((service) => service.stop()));
    await tokens.stop();
  };
  try {
    const layout: Layout = { root, pki, tokens, detached };
    const [open, basic, bearer, tls] = await Promise.all(
      (['open', 'basic', 'bearer', 'tls'] as const).map((name) =>
        startRegistry(name, layout, started),
      ),
    );
    if (!open || !basic || !bearer || !tls) throw new Error('a registry did not start');
    return {
      dir: root,
      open,
      basic,
      bearer,
      tls,
      caFile: pki.caCert,
      tokenUrl: tokens.tokenUrl,
      tokenTlsUrl: tokens.tokenTlsUrl,
      tokenStatsUrl: tokens.statsUrl,
      services: { ...tokenServices },
      issuer: tokenIssuer,
      tokenTtlSeconds: ttl,
      users: { tester, reader },
      ...(tokens.stats === undefined ? {} : { tokenStats: tokens.stats }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

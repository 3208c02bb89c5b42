import { createPrivateKey } from 'node:crypto';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { PkiFiles } from './pki.js';
import { launchService, waitUntilReady } from './service-process.js';
import { anonymousGrants, tokenIssuer, tokenServices, tokenUsers } from './testbed-accounts.js';
import { createTokenAuthority } from './token-authority.js';
import type { TokenStats } from './token-authority.js';
import type { TokenProcessConfig, TokenProcessPorts } from './token-server-main.js';
import { startTokenServer } from './token-server.js';

/** The bed's token realms (http for the bearer registry, https for the TLS one). */
export interface TokenEndpoints {
  readonly tokenUrl: string;
  readonly tokenTlsUrl: string;
  readonly statsUrl: string;
  /** Live counters when the server runs in this process. */
  readonly stats?: Readonly<TokenStats>;
  stop(): Promise<void>;
}

/** Layout of the bed directory that the token server needs. */
export interface TokenServiceInput {
  readonly root: string;
  readonly pki: PkiFiles;
  readonly ttlSeconds: number;
  /** Run as a detached `node --import tsx token-server-main.ts` process instead of in-process. */
  readonly detached: boolean;
}

function endpointsFor(ports: TokenProcessPorts): Omit<TokenEndpoints, 'stop' | 'stats'> {
  return {
    tokenUrl: `http://127.0.0.1:${ports.http}/token`,
    tokenTlsUrl: `https://127.0.0.1:${ports.https}/token`,
    statsUrl: `http://127.0.0.1:${ports.http}/stats`,
  };
}

async function startInProcess(input: TokenServiceInput): Promise<TokenEndpoints> {
  const authority = createTokenAuthority({
    issuer: tokenIssuer,
    services: Object.values(tokenServices),
    signer: {
      key: createPrivateKey(await readFile(input.pki.signerKey)),
      certPem: await readFile(input.pki.signerCert, 'utf8'),
    },
    ttlSeconds: input.ttlSeconds,
    users: tokenUsers,
    anonymousGrants,
  });
  const plain = await startTokenServer({ authority });
  const secure = await startTokenServer({
    authority,
    tls: { cert: await readFile(input.pki.serverCert), key: await readFile(input.pki.serverKey) },
  });
  return {
    ...endpointsFor({ http: plain.port, https: secure.port }),
    stats: authority.stats,
    stop: async () => {
      await Promise.all([plain.stop(), secure.stop()]);
    },
  };
}

async function startDetached(input: TokenServiceInput): Promise<TokenEndpoints> {
  const configFile = join(input.root, 'conf', 'token-server.json');
  const readyFile = join(input.root, 'run', 'token.ports.json');
  await rm(readyFile, { force: true });
  const config: TokenProcessConfig = {
    issuer: tokenIssuer,
    services: Object.values(tokenServices),
    signerKeyFile: input.pki.signerKey,
    signerCertFile: input.pki.signerCert,
    ttlSeconds: input.ttlSeconds,
    tls: { certFile: input.pki.serverCert, keyFile: input.pki.serverKey },
    readyFile,
  };
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const service = await launchService({
    name: 'token',
    command: process.execPath,
    args: [
      '--import',
      import.meta.resolve('tsx'),
      // The support code always runs through tsx, so the entry is the .ts file itself.
      fileURLToPath(new URL('./token-server-main.ts', import.meta.url)),
      configFile,
    ],
    logFile: join(input.root, 'logs', 'token.log'),
    pidFile: join(input.root, 'run', 'token.pid'),
    detached: true,
  });
  await waitUntilReady(service, () => access(readyFile).then(() => true));
  const ports = JSON.parse(await readFile(readyFile, 'utf8')) as TokenProcessPorts;
  return { ...endpointsFor(ports), stop: () => service.stop() };
}

/**
 * Starts the bed's token server on two kernel-chosen ports (http and https with the bed's server
 * certificate): in this process for tests (counters available), or detached for the CLI.
 */
export function startTokenServices(input: TokenServiceInput): Promise<TokenEndpoints> {
  return input.detached ? startDetached(input) : startInProcess(input);
}

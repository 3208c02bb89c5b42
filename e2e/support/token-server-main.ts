import { createPrivateKey } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import { anonymousGrants, tokenUsers } from './testbed-accounts.js';
import { createTokenAuthority } from './token-authority.js';
import { startTokenServer } from './token-server.js';
import type { TokenServer } from './token-server.js';

/** The JSON file `token-server-main.ts CONFIG` reads; written by registries.ts. */
export interface TokenProcessConfig {
  readonly issuer: string;
  readonly services: readonly string[];
  readonly signerKeyFile: string;
  readonly signerCertFile: string;
  readonly ttlSeconds: number;
  /** PEM files for the https listener; an http listener always runs. */
  readonly tls: { readonly certFile: string; readonly keyFile: string };
  /** Receives `{"http": PORT, "https": PORT}` once both listeners are bound. */
  readonly readyFile: string;
}

/** Ports the detached token server bound (both picked by the kernel). */
export interface TokenProcessPorts {
  readonly http: number;
  readonly https: number;
}

/**
 * Runs the test bed's token server as its own process (for `testbed-cli.ts start`): one
 * authority behind an http and an https listener, JSON log lines on stdout, SIGTERM stops it.
 */
export async function runTokenProcess(configFile: string): Promise<void> {
  const config = JSON.parse(await readFile(configFile, 'utf8')) as TokenProcessConfig;
  const authority = createTokenAuthority({
    issuer: config.issuer,
    services: config.services,
    signer: {
      key: createPrivateKey(await readFile(config.signerKeyFile)),
      certPem: await readFile(config.signerCertFile, 'utf8'),
    },
    ttlSeconds: config.ttlSeconds,
    users: tokenUsers,
    anonymousGrants,
  });
  const onRequest = (entry: object): void => {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  };
  const servers: TokenServer[] = [
    await startTokenServer({ authority, onRequest }),
    await startTokenServer({
      authority,
      onRequest,
      tls: { cert: await readFile(config.tls.certFile), key: await readFile(config.tls.keyFile) },
    }),
  ];
  const [plain, secure] = servers;
  const ports: TokenProcessPorts = { http: plain?.port ?? 0, https: secure?.port ?? 0 };
  await writeFile(`${config.readyFile}.tmp`, JSON.stringify(ports));
  await rename(`${config.readyFile}.tmp`, config.readyFile);
  onRequest({ event: 'listening', ...ports });
  const shutdown = (): void => {
    void Promise.all(servers.map((s) => s.stop())).then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const configFile = process.argv[2];
  if (configFile === undefined) {
    process.stderr.write('usage: node --import tsx token-server-main.ts CONFIG.json\n');
    process.exitCode = 2;
  } else {
    runTokenProcess(configFile).catch((error: unknown) => {
      process.stderr.write(`token server failed: ${String(error)}\n`);
      process.exitCode = 1;
    });
  }
}

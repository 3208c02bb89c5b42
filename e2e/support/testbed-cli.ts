import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { stopRecordedServices } from './recorded-services.js';
import { startTestBed } from './registries.js';
import type { TestBedInfo } from './testbed-types.js';

const usage = [
  'usage: node --import tsx e2e/support/testbed-cli.ts start DIR [--ttl SECONDS]',
  '       node --import tsx e2e/support/testbed-cli.ts stop DIR',
].join('\n');

/** Name of the bed description inside DIR. */
export const testBedFileName = 'testbed.json';

/**
 * `start DIR`: starts the bed detached, writes DIR/testbed.json (a {@link TestBedInfo}) and
 * prints it. The processes outlive this command; their pids are in DIR/run.
 */
export async function startCommand(dir: string, ttlSeconds?: number): Promise<TestBedInfo> {
  const bed = await startTestBed(dir, {
    detached: true,
    ...(ttlSeconds === undefined ? {} : { tokenTtlSeconds: ttlSeconds }),
  });
  // Drop the functions and live objects: only plain data goes to the file.
  const { stop: _stop, tokenStats: _stats, ...info } = bed;
  await writeFile(join(bed.dir, testBedFileName), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/** `stop DIR`: stops only the pids recorded in DIR/run and removes DIR/testbed.json. */
export async function stopCommand(dir: string): Promise<string[]> {
  const outcomes = await stopRecordedServices(dir);
  await rm(join(resolve(dir), testBedFileName), { force: true });
  await rm(join(resolve(dir), 'run', 'token.ports.json'), { force: true });
  return outcomes.map((o) => `${o.name}: ${o.outcome} (pid ${o.pid})`);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, dir, ...rest] = argv;
  if (dir === undefined) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (command === 'start') {
    const ttlIndex = rest.indexOf('--ttl');
    const ttl = ttlIndex >= 0 ? Number(rest[ttlIndex + 1]) : undefined;
    if (ttl !== undefined && !(ttl > 0)) {
      process.stderr.write(`--ttl needs a positive number of seconds\n${usage}\n`);
      return 2;
    }
    const info = await startCommand(dir, ttl);
    process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    return 0;
  }
  if (command === 'stop') {
    const lines = await stopCommand(dir);
    process.stdout.write(
      `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}stopped ${lines.length}\n`,
    );
    return 0;
  }
  process.stderr.write(`${usage}\n`);
  return 2;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

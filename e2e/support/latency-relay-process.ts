import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { startLatencyRelay, type LatencyRelay, type LatencyRelayOptions } from './latency-relay.js';

const NOT_LISTENING = 'latency relay process ended before it listened (its error is on stderr)';

/**
 * A latency relay in a process of its own. In the bench's process it would share one event
 * loop with the Sifport transfer it is measuring (curl never pays that), so the long-link
 * rows run it apart. `bytesRelayed` is not available across the process boundary (0).
 */
export async function startLatencyRelayProcess(
  options: LatencyRelayOptions,
): Promise<LatencyRelay> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(options)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const ready = (async () => {
    for await (const line of lines) return JSON.parse(line) as { host: string; port: number };
    throw new Error(NOT_LISTENING);
  })();
  const { host, port } = await Promise.race([
    ready,
    exited.then(() => {
      throw new Error(NOT_LISTENING);
    }),
  ]);
  return {
    host,
    port,
    bytesRelayed: () => 0,
    stop: async () => {
      if (child.exitCode === null) {
        child.stdin.end(); // The child stops when its stdin closes.
        await exited;
      }
    },
  };
}

/** The child: runs the relay until stdin closes, after printing where it listens. */
async function main(optionsJson: string): Promise<void> {
  const relay = await startLatencyRelay(JSON.parse(optionsJson) as LatencyRelayOptions);
  process.stdout.write(`${JSON.stringify({ host: relay.host, port: relay.port })}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => {
    void relay.stop().then(() => process.exit(0));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv[2] ?? '{}').catch((err: unknown) => {
    process.stderr.write(`latency relay: ${String(err)}\n`);
    process.exit(1);
  });
}

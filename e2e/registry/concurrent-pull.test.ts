import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { listenOnLoopback, type LoopbackServer } from '../support/loopback-server.js';
import { bed, pushToBed, MiB, skip, suiteSif, tempDir, uniqueRepo } from './bed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What one `sifport` child process did. */
interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source in a child process (its own pid, as two HPC jobs would be). */
function sifportChild(args: readonly string[], home: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, HOME: home, SIFPORT_CONFIG_DIR: join(home, 'config') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A relay in front of the bed's open registry that sends blob bodies at about 16 MiB/s, so
 * two pulls started together surely overlap (the bed itself would finish one before the
 * other process has started).
 */
async function startSlowRelay(upstreamUrl: string): Promise<LoopbackServer> {
  const upstream = new URL(upstreamUrl);
  const server: Server = createServer((req, res) => {
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (!/\/blobs\/sha256:/.test(req.url ?? '') || req.method !== 'GET') {
          up.pipe(res);
          return;
        }
        up.on('data', (chunk: Buffer) => {
          res.write(chunk);
          up.pause();
          setTimeout(() => up.resume(), Math.ceil(chunk.length / (16 * 1024)));
        });
        up.on('end', () => res.end());
        up.on('error', () => res.destroy());
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  return listenOnLoopback(server);
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

describe('two `sifport pull` processes to one path (issue #10 item 3)', () => {
  const sif = suiteSif('concurrent-pull', 'shared.sif', 24 * MiB + 123);
  let repo: string;
  let relay: LoopbackServer | undefined;

  before(async () => {
    if (!bed) return;
    repo = uniqueRepo('concurrent-pull');
    await pushToBed('open', sif.path, repo, 'v1');
    relay = await startSlowRelay(bed.open.url);
  });
  after(() => relay?.stop());

  it(
    'end with one correct file; one pulls, the other waits and uses it, both exit 0',
    { skip },
    async () => {
      const { dir, remove } = await tempDir('concurrent-pull-out');
      try {
        const out = join(dir, 'shared.sif');
        const args = ['pull', `oras://${relay!.host}/${repo}:v1`, out];
        const runs = await Promise.all([sifportChild(args, dir), sifportChild(args, dir)]);
        for (const run of runs) assert.equal(run.code, 0, run.stderr);
        assert.equal((await stat(out)).size, sif.bytes.length);
        assert.equal(await sha256File(out), sif.digest);
        const pulled = runs.filter((r) => /^Pulled /m.test(r.stdout));
        const found = runs.filter((r) =>
          /^Another pull finished .*shared\.sif meanwhile/m.test(r.stdout),
        );
        assert.equal(pulled.length, 1, runs.map((r) => r.stdout).join('\n---\n'));
        assert.equal(found.length, 1);
        assert.match(
          found[0]!.stderr,
          /^sifport: Waiting for another pull of .*shared\.sif \(pid \d+ on /m,
        );
        assert.deepEqual(
          (await readdir(dir)).filter((f) => f !== 'config'),
          ['shared.sif'],
          'no partial or lock left',
        );
      } finally {
        await remove();
      }
    },
  );
});

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { suiteFifo } from '../../../../e2e/kit/index.js';
import { RegistryClient } from '../client.js';

describe('a CA file that is a FIFO (issue #10)', () => {
  const fifo = suiteFifo('sifport-ca-fifo-', 'ca.pem');
  let writer: ChildProcess | undefined;
  let other: Server;

  before(async () => {
    // A regression reads the FIFO synchronously and freezes this process: after 3 s this
    // writer opens and closes the FIFO, so such a read ends (empty) and the test fails
    // instead of hanging. Without a reader it just waits, and is killed at the end.
    writer = spawn('sh', ['-c', 'sleep 3; : > "$1"', 'sh', fifo.path], { stdio: 'ignore' });
    other = createServer((_req, res) => res.end('still answering'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    writer?.kill('SIGKILL');
    await new Promise((r) => other.close(r));
  });

  it(
    'fails the request with FILE_ERROR naming the FIFO, and blocks nothing else',
    { timeout: 10_000 },
    async () => {
      const client = new RegistryClient({
        registry: 'registry.example',
        tls: { caFile: fifo.path },
      });
      const { port } = other.address() as AddressInfo;
      const answer = new Promise<string>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/' }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        }).on('error', reject);
      });
      await assert.rejects(client.ping(), (err: unknown) => {
        assert.equal((err as { code?: string }).code, 'FILE_ERROR');
        assert.match((err as Error).message, /CA file .*ca\.pem is a FIFO \(named pipe\)/);
        return true;
      });
      assert.equal(await answer, 'still answering');
      client.close();
    },
  );
});

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import {
  FAST_RETRY,
  waitFor,
  MiB,
  suiteFakeRegistry,
  suiteSif,
} from '../../../../e2e/kit/index.js';
import { RegistryClient } from '../../registry/client.js';
import { MemoryUploadTuningStore } from '../../registry/upload-tuning.js';
import {
  NodeHttpTransport,
  type HttpResponse,
  type HttpTransport,
} from '../../registry/transport/http.js';
import { MemoryDigestCache } from '../digest-cache.js';
import { FileJobHistory } from './job-history.js';
import type { JobRecord } from './job.js';
import { MemoryUploadSessionStore } from '../upload-sessions.js';
import { createJobRunner } from './run-job.js';
import { TransferQueue } from './transfer-queue.js';

/**
 * A transport that lets blob downloads through only up to `limit` bytes and then stalls
 * until the request is aborted: a pull that is surely mid-file when the app quits.
 */
function stallingTransport(
  inner: HttpTransport,
  limit: number,
  stalled: () => void,
): HttpTransport {
  return {
    async send(request) {
      const res = await inner.send(request);
      if (request.method !== 'GET' || !/\/blobs\/sha256:/.test(request.url.pathname)) return res;
      const body = new PassThrough();
      body.on('error', () => undefined); // the pull has its own listener, or has stopped
      let sent = 0;
      res.body.on('data', (chunk: Buffer) => {
        if (sent >= limit) return;
        const take = chunk.subarray(0, limit - sent);
        sent += take.length;
        body.write(take);
        if (sent >= limit) {
          res.body.destroy();
          stalled();
        }
      });
      const abort = (): void => {
        body.destroy(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      };
      if (request.signal?.aborted) abort();
      request.signal?.addEventListener('abort', abort);
      const wrapped: HttpResponse = {
        status: res.status,
        headers: res.headers,
        url: res.url,
        body,
        text: (max) => res.text(max),
        discard: async () => {
          body.destroy();
        },
      };
      return wrapped;
    },
  };
}

describe('createJobRunner with the queue', () => {
  const fake = suiteFakeRegistry();
  const sif = suiteSif('run-job', 'tool_1.0.sif', 4 * MiB);
  const transports: NodeHttpTransport[] = [];
  /** Times a pull read the connections setting. */
  let connectionReads = 0;
  after(() => {
    for (const t of transports) t.close();
  });

  /** A queue over the engine whose clients use `transport` (default: a plain one). */
  function engineQueue(historyFile: string, transport?: HttpTransport) {
    const changes: JobRecord[] = [];
    const run = createJobRunner({
      clientFor: (registry) => {
        const inner = new NodeHttpTransport();
        transports.push(inner);
        return new RegistryClient({ registry, retry: FAST_RETRY, transport: transport ?? inner });
      },
      digestCache: new MemoryDigestCache(),
      uploadSessions: new MemoryUploadSessionStore(),
      tuning: new MemoryUploadTuningStore(),
      pullConnections: () => {
        connectionReads++;
        return 1;
      },
    });
    const queue = new TransferQueue({
      run,
      history: new FileJobHistory(historyFile, (m) => assert.fail(m)),
      concurrency: () => 2,
      historySize: () => 500,
      onChange: (r) => changes.push(r),
    });
    return { queue, changes };
  }

  async function finished(queue: TransferQueue, id: string): Promise<JobRecord> {
    await waitFor(() => !['queued', 'running'].includes(queue.get(id)!.state), {
      timeoutMs: 20_000,
      what: `job ${id} to end`,
    });
    return queue.get(id)!;
  }

  it('pushes, copies and pulls through the queue', async () => {
    const { queue } = engineQueue(join(sif.dir, 'a.json'));
    const push = queue.enqueue({
      kind: 'push',
      file: sif.path,
      reference: `oras://${fake.host}/lab/tool:1.0`,
      label: 'tool_1.0.sif → lab/tool:1.0',
    });
    const pushed = await finished(queue, push.id);
    assert.equal(pushed.state, 'done', JSON.stringify(pushed.error));
    assert.match(pushed.result?.digest ?? '', /^sha256:/);
    assert.equal(pushed.result?.summary, 'SIF uploaded');

    const copy = queue.enqueue({
      kind: 'copy',
      from: `oras://${fake.host}/lab/tool:1.0`,
      to: `oras://${fake.host}/prod/tool:1.0`,
      label: 'lab/tool:1.0 ⇄ prod/tool:1.0',
    });
    const copied = await finished(queue, copy.id);
    assert.equal(copied.state, 'done', JSON.stringify(copied.error));
    assert.equal(copied.result?.digest, pushed.result?.digest, 'the same manifest digest');
    assert.equal(copied.result?.summary, '2 mounted');

    const out = join(sif.dir, 'pulled.sif');
    const pull = queue.enqueue({
      kind: 'pull',
      reference: `oras://${fake.host}/prod/tool:1.0`,
      destination: out,
      label: 'prod/tool:1.0 → pulled.sif',
    });
    const pulled = await finished(queue, pull.id);
    assert.equal(pulled.state, 'done', JSON.stringify(pulled.error));
    assert.equal(pulled.result?.path, out);
    assert.deepEqual(await readFile(out), sif.bytes);
    assert.equal(connectionReads, 1, 'the pull read the connections setting when it started');
    await queue.close();
  });

  it('a pull interrupted by quitting resumes from its partial file after a restart', async () => {
    const history = join(sif.dir, 'b.json');
    const pushQueue = engineQueue(history);
    const push = pushQueue.queue.enqueue({
      kind: 'push',
      file: sif.path,
      reference: `oras://${fake.host}/lab/resume:1`,
      label: 'push',
    });
    assert.equal((await finished(pushQueue.queue, push.id)).state, 'done');
    await pushQueue.queue.close();

    let stalled = false;
    const inner = new NodeHttpTransport();
    transports.push(inner);
    const first = engineQueue(
      history,
      stallingTransport(inner, 1 * MiB, () => (stalled = true)),
    );
    await first.queue.restore();
    const target = join(sif.dir, 'resumed.sif');
    const pull = first.queue.enqueue({
      kind: 'pull',
      reference: `oras://${fake.host}/lab/resume:1`,
      destination: target,
      label: 'pull',
    });
    await waitFor(() => stalled, { timeoutMs: 20_000, what: 'the download to stall' });
    await first.queue.close();
    assert.equal(first.queue.get(pull.id)?.state, 'interrupted');
    const partials = (await readdir(sif.dir)).filter(
      (f) => f.includes('resumed.sif') && f !== 'resumed.sif',
    );
    assert.ok(partials.length > 0, 'a partial file stays for the resume');

    const ranges: string[] = [];
    const plain = new NodeHttpTransport();
    transports.push(plain);
    const recording: HttpTransport = {
      send(request) {
        if (request.method === 'GET' && /\/blobs\/sha256:/.test(request.url.pathname)) {
          ranges.push(request.headers?.range ?? 'none');
        }
        return plain.send(request);
      },
    };
    const second = engineQueue(history, recording);
    await second.queue.restore();
    assert.equal(second.queue.get(pull.id)?.state, 'interrupted');
    assert.equal(second.queue.resume(pull.id), true);
    const done = await finished(second.queue, pull.id);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.attempts, 2);
    assert.deepEqual(await readFile(target), sif.bytes);
    assert.deepEqual(ranges, [`bytes=${MiB}-`], 'continued after the bytes on disk');
    await second.queue.close();
  });
});

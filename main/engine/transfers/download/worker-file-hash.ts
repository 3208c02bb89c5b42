import { Worker } from 'node:worker_threads';

/** sha256 of a file's first `offset` bytes, extended by reading more of the file. */
export interface FileHash {
  /** Bytes hashed so far. */
  readonly offset: number;
  /** Hashes bytes of `path` from {@link offset} up to `target`. */
  catchUp(path: string, target: number, signal?: AbortSignal): Promise<void>;
  /** Starts again from byte 0. */
  reset(): void;
  /** `sha256:<hex>` of the bytes hashed so far. */
  digest(): string | Promise<string>;
}

// The worker's code, evaluated (CommonJS, Node built-ins only): no file of its own to find
// in the CLI's bundle or the desktop app's asar archive. Messages are handled in order.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
let hash = createHash('sha256');
let offset = 0;
parentPort.on('message', (m) => {
  if (m.op === 'reset') {
    hash = createHash('sha256');
    offset = 0;
  } else if (m.op === 'digest') {
    parentPort.postMessage({ id: m.id, offset, digest: 'sha256:' + hash.copy().digest('hex') });
  } else {
    let fd;
    try {
      fd = fs.openSync(m.path, 'r');
      while (offset < m.target) {
        const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, m.target - offset), offset);
        if (n === 0) throw new Error('file ' + m.path + ' ended early');
        hash.update(buffer.subarray(0, n));
        offset += n;
      }
      parentPort.postMessage({ id: m.id, offset });
    } catch (err) {
      parentPort.postMessage({ id: m.id, offset, error: String((err && err.message) || err) });
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
});
`;

interface Answer {
  readonly id: number;
  readonly offset: number;
  readonly digest?: string;
  readonly error?: string;
}

/**
 * A {@link FileHash} computed on a worker thread: the pull's main thread decrypts and writes
 * while the worker reads the file back behind it and hashes it (issue #13: on the pull's
 * thread sha256 took 0.44 s of a 512 MiB TLS pull's 1.9 s). One worker per pull; {@link close}
 * ends it.
 */
export class WorkerFileHash implements FileHash {
  offset = 0;
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private nextId = 0;
  private broken: Error | undefined;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (answer: Answer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    const fail = (err: Error): void => {
      this.broken = err;
      for (const answer of this.waiting.values()) answer({ id: -1, offset: 0, error: err.message });
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('the hashing thread ended')));
  }

  async catchUp(path: string, target: number, signal?: AbortSignal): Promise<void> {
    if (target <= this.offset) return;
    signal?.throwIfAborted();
    const answer = await this.ask({ op: 'catchUp', path, target });
    this.offset = answer.offset;
    if (answer.error) throw new Error(answer.error);
  }

  reset(): void {
    this.offset = 0;
    this.worker.postMessage({ op: 'reset' });
  }

  async digest(): Promise<string> {
    const answer = await this.ask({ op: 'digest' });
    if (answer.error || !answer.digest) throw new Error(answer.error ?? 'no digest');
    return answer.digest;
  }

  close(): void {
    void this.worker.terminate();
  }

  private ask(message: Record<string, unknown>): Promise<Answer> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...message, id });
    });
  }
}

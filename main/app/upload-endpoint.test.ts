import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { jobLabel } from './job-view.js';
import { droppedFileName, handleUpload, uploadFileName } from './upload-endpoint.js';

let dir: string;
let server: Server;
let port: number;
let free: number | undefined = undefined;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sifport-upload-'));
  server = createServer((req, res) => {
    void handleUpload(req, res, {
      dir: join(dir, 'uploads'),
      authorized: (r) => r.headers['x-sifport-token'] === 'good',
      freeSpace: async () => free,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends an upload; `cut` stops after that many bytes of the body. */
function upload(
  body: Buffer,
  headers: Record<string, string>,
  cut?: number,
): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/upload',
        method: 'POST',
        headers: { 'content-length': String(body.length), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
          });
        });
      },
    );
    req.on('error', (err) =>
      cut === undefined ? reject(err) : resolve({ status: 0, json: undefined }),
    );
    if (cut === undefined) req.end(body);
    else {
      req.write(body.subarray(0, cut));
      setTimeout(() => req.destroy(), 50);
    }
  });
}

const uploads = async () => readdir(join(dir, 'uploads')).catch(() => [] as string[]);

test('a dropped file is kept byte for byte in the profile, owner-only, under a fresh name', async () => {
  const body = Buffer.from('SIF bytes '.repeat(1000));
  const { status, json } = await upload(body, {
    'x-sifport-token': 'good',
    'x-sifport-file-name': encodeURIComponent('../my image.sif'),
  });
  assert.equal(status, 200, JSON.stringify(json));
  const path = String(json?.['path']);
  assert.ok(path.startsWith(join(dir, 'uploads')), path);
  assert.match(path, /[0-9a-f]{12}-_my_image\.sif$/);
  assert.deepEqual(await readFile(path), body);
  assert.equal((await stat(path)).mode & 0o777, 0o600);
  await rm(path);
});

test('without the session token the upload is refused and nothing is written', async () => {
  const { status, json } = await upload(Buffer.from('x'), { 'x-sifport-token': 'bad' });
  assert.equal(status, 403);
  assert.equal((json?.['error'] as { code: string }).code, 'DENIED');
  assert.deepEqual(await uploads(), []);
});

test('a file larger than the free space is refused before any byte is written', async () => {
  free = 100 * 1024 * 1024;
  try {
    const { status, json } = await upload(
      Buffer.alloc(64 * 1024),
      { 'x-sifport-token': 'good', 'content-length': String(200 * 1024 * 1024) },
      0,
    );
    assert.equal(status, 507);
    assert.match(String((json?.['error'] as { message: string }).message), /Not enough space/);
  } finally {
    free = undefined;
  }
  assert.deepEqual(await uploads(), []);
});

test('an upload cut short leaves nothing behind', async () => {
  await upload(Buffer.alloc(256 * 1024, 1), { 'x-sifport-token': 'good' }, 1000);
  for (let i = 0; i < 50 && (await uploads()).length > 0; i++)
    await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(await uploads(), []);
});

test('uploaded names keep only safe characters and never start with a dot', () => {
  const traversal = uploadFileName('..%2F..%2Fetc%2Fpasswd');
  assert.match(traversal, /^[0-9a-f]{12}-[^./][^/]*$/);
  assert.ok(traversal.endsWith('etc_passwd'));
  assert.match(uploadFileName(undefined), /^[0-9a-f]{12}-dropped\.sif$/);
  assert.match(uploadFileName('%E0%A4%A'), /-dropped\.sif$/);
});

test('the transfer list names an upload by the file that was dropped', () => {
  const copy = uploadFileName(encodeURIComponent('bwa_0.7.18.sif'));
  assert.equal(droppedFileName(join('/profile', 'uploads', copy)), 'bwa_0.7.18.sif');
  assert.equal(droppedFileName('/data/0123456789ab-x.sif'), '0123456789ab-x.sif');
  assert.equal(
    jobLabel({
      kind: 'push',
      file: `/p/uploads/${copy}`,
      reference: 'oras://r.example/a:1',
      connection: {},
    }),
    'bwa_0.7.18.sif → r.example › a:1',
  );
});

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  empty,
  ensurePki,
  json,
  startRecordingServer,
  type RecordingServer,
  loopbackClient,
  sha256,
  suiteTempDir,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { RegistryClient } from './client.js';
import { uploadBlob } from './upload.js';

const FAST = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 };
const BLOB = Buffer.from('sif bytes for the origin test');
const DIGEST = sha256(BLOB);
const PASSWORD = 'pw-origin-secret';
const TOKEN = 'tok-origin-secret';
const BASIC = `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
/** Client options of every test: alice's password, retries short. */
const AS_ALICE = {
  retry: FAST,
  credentials: { kind: 'basic', username: 'alice', password: PASSWORD },
} as const;

/**
 * Issue #10 item 1: credentials go only to the origin they were issued for. An upload
 * `Location` on another origin (object storage) is followed without them; one that turns
 * HTTPS into HTTP is refused before a byte is sent.
 */
describe('credentials stay with the registry origin (issue #10 item 1)', () => {
  const dir = suiteTempDir('sifport-origin-');
  let file: string;
  /** The "other port": takes the upload wherever the registry points. */
  let storage: RecordingServer;

  before(async () => {
    file = join(dir.path, 'blob');
    await writeFile(file, BLOB);
    storage = await startRecordingServer((req, res) => {
      if (req.method === 'PATCH') {
        return empty(res, 202, {
          location: `${storage.url}/upload/1?_state=patched`,
          range: `0-${req.body.length - 1}`,
        });
      }
      if (req.method === 'PUT') return empty(res, 201, { 'docker-content-digest': DIGEST });
      if (req.method === 'DELETE') return empty(res, 204);
      return false;
    });
  });
  after(() => storage.close());

  /** A registry that hands out upload sessions at `location()` once `authorized` holds. */
  async function registry(
    authorized: (auth: string | undefined) => boolean,
    challenge: () => string,
    location: () => string,
    tls?: { cert: Buffer; key: Buffer },
  ): Promise<RecordingServer> {
    return startRecordingServer((req, res) => {
      if (req.path.startsWith('/token')) return json(res, 200, { token: TOKEN });
      if (!authorized(req.headers.authorization)) {
        return empty(res, 401, { 'www-authenticate': challenge() });
      }
      if (req.method === 'POST' && req.path === '/v2/lab/app/blobs/uploads/') {
        return empty(res, 202, { location: location() });
      }
      return false;
    }, tls);
  }

  async function upload(client: RegistryClient): Promise<void> {
    try {
      await uploadBlob({
        client,
        repository: 'lab/app',
        path: file,
        size: BLOB.length,
        digest: DIGEST,
      });
    } finally {
      client.close();
    }
  }

  /** Uploads through `client`; the storage must get the PATCH and PUT, neither with credentials. */
  async function uploadToStorageWithoutCredentials(client: RegistryClient): Promise<void> {
    await upload(client);
    assert.deepEqual(
      storage.requests.map((r) => r.method),
      ['PATCH', 'PUT'],
    );
    for (const r of storage.requests) assert.equal(r.headers.authorization, undefined);
  }

  it('Basic: a Location on another port gets the blob but not the password', async () => {
    storage.requests.length = 0;
    const reg = await registry(
      (auth) => auth === BASIC,
      () => 'Basic realm="test"',
      () => `${storage.url}/upload/1?_state=start`,
    );
    try {
      const client = loopbackClient(reg.host, AS_ALICE);
      await uploadToStorageWithoutCredentials(client);
      assert.deepEqual(storage.requests[0]!.body, BLOB);
      assert.ok(reg.requests.some((r) => r.headers.authorization === BASIC));
    } finally {
      await reg.close();
    }
  });

  it('Bearer: a Location on another port never sees the token', async () => {
    storage.requests.length = 0;
    const reg: RecordingServer = await registry(
      (auth) => auth === `Bearer ${TOKEN}`,
      () => `Bearer realm="${reg.url}/token",service="reg"`,
      () => `${storage.url}/upload/1?_state=start`,
    );
    try {
      const client = loopbackClient(reg.host, AS_ALICE);
      await uploadToStorageWithoutCredentials(client);
    } finally {
      await reg.close();
    }
  });

  it('an HTTPS registry handing out an http:// Location is refused before anything is sent', async () => {
    storage.requests.length = 0;
    const pki = await ensurePki(join(dir.path, 'pki'));
    const tls = { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) };
    const reg = await registry(
      (auth) => auth === BASIC,
      () => 'Basic realm="test"',
      () => `${storage.url}/upload/1?_state=start`,
      tls,
    );
    try {
      const client = new RegistryClient({
        registry: reg.host,
        tls: { caFile: pki.caCert },
        ...AS_ALICE,
      });
      await assert.rejects(upload(client), (err) => {
        assert.ok(err instanceof SifportError);
        assert.equal(err.code, 'INSECURE_REFUSED');
        assert.match(err.message, /http:\/\//);
        assert.doesNotMatch(err.message, /_state|pw-origin/);
        return true;
      });
      assert.deepEqual(storage.requests, []);
    } finally {
      await reg.close();
    }
  });

  it('any other request to a foreign origin is refused, not sent with credentials', async () => {
    storage.requests.length = 0;
    const reg = await registry(
      (auth) => auth === BASIC,
      () => 'Basic realm="test"',
      () => '/v2/unused',
    );
    const client = loopbackClient(reg.host, AS_ALICE);
    try {
      await assert.rejects(
        client.request({
          method: 'GET',
          path: new URL(`${storage.url}/v2/lab/app/tags/list`),
          scopes: [],
          what: 'Listing tags',
        }),
        { code: 'INSECURE_REFUSED' },
      );
      assert.deepEqual(storage.requests, []);
    } finally {
      client.close();
      await reg.close();
    }
  });
});

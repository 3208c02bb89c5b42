import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  startFakeRegistry,
  type FakeRegistry,
  loadTestBed,
  testBedSkipReason,
  fakeToken,
  loopbackClient,
  sha256,
  withClient,
  suiteTempDir,
  suiteFakeCloudClis,
} from '../../../../e2e/kit/index.js';
import { isSifportError } from '../../errors.js';
import type { Credential, CredentialProvider } from '../../registry/auth/credentials.js';
import { CATALOG_SCOPE } from '../../registry/auth/scopes.js';
import { headBlob } from '../../registry/blobs.js';
import { RegistryClient } from '../../registry/client.js';
import { NodeHttpTransport, type HttpTransport } from '../../registry/transport/http.js';
import { uploadBlob } from '../../registry/upload.js';
import { MemoryAccountStore } from '../stores/account-store.js';
import { Accounts } from '../accounts.js';
import { MemorySecretStore } from '../stores/secret-store.js';

const root = suiteTempDir('sifport-refresh-');
const fakes = suiteFakeCloudClis(['aws']);
let registry: FakeRegistry;
/** What the fake ECR accepts right now; the test "expires" the first token mid-upload. */
const accepted = { username: 'AWS', password: '' };

before(async () => {
  accepted.password = fakeToken('aws', 1);
  registry = await startFakeRegistry({ auth: accepted });
});
after(() => registry.stop());

test('a cloud token rejected mid-upload is re-minted and only the current chunk is resent', async () => {
  const accounts = new Accounts({
    store: new MemoryAccountStore(),
    secrets: new MemorySecretStore(),
    cloud: { commandOptions: { env: { PATH: fakes.path() } } },
  });
  await accounts.add({
    provider: 'ecr',
    registry: registry.host,
    username: 'AWS',
    secretKind: 'cloud-command',
    source: 'sifport',
    tokenCommand: ['aws', 'ecr', 'get-login-password', '--region', 'eu-west-1'],
    tokenLifetimeMs: 12 * 3_600_000,
    mintedAs: 'password',
  });
  const inner = new NodeHttpTransport();
  let patches = 0;
  // The registry stops accepting the first token after the first chunk landed.
  const transport: HttpTransport = {
    async send(request) {
      const res = await inner.send(request);
      if (request.method === 'PATCH' && res.status === 202 && ++patches === 1) {
        accepted.password = fakeToken('aws', 2);
      }
      return res;
    },
  };
  const client = loopbackClient(registry.host, {
    credentials: accounts.providerFor('team/blob'),
    transport,
  });
  const bytes = randomBytes(64 * 1024);
  const path = join(root.path, 'blob.bin');
  await writeFile(path, bytes);
  try {
    const result = await uploadBlob({
      client,
      repository: 'team/blob',
      path,
      size: bytes.length,
      chunkSize: 16 * 1024,
    });
    assert.equal(result.digest, sha256(bytes));
    assert.deepEqual([result.restarts, result.resumes, result.chunks], [0, 0, 4]);
    assert.equal(await fakes.calls('aws'), 2, 'minted once, then once more after the 401');
    const log = registry.requests.filter((r) => r.path.includes('/blobs/uploads'));
    // The first POST learns the Basic challenge; one session is opened.
    assert.deepEqual(
      log.filter((r) => r.method === 'POST').map((r) => r.status),
      [401, 202],
    );
    assert.deepEqual(
      log.filter((r) => r.method === 'PATCH').map((r) => r.status),
      [202, 401, 202, 202, 202],
    );
    assert.ok(await headBlob(client, 'team/blob', result.digest));
  } finally {
    inner.close();
  }
});

const bed = loadTestBed();

test(
  'a credential the token service rejects is asked for once more (bearer)',
  { skip: bed ? false : testBedSkipReason },
  async () => {
    const passwords = ['expired-secret-1', bed!.users.tester.password, 'never-used-2'];
    let invalidations = 0;
    const provider: CredentialProvider = Object.assign(
      async (): Promise<Credential> => ({
        kind: 'basic',
        username: 'tester',
        password: passwords.shift()!,
      }),
      { invalidate: async () => (++invalidations, true) },
    );
    await withClient(
      new RegistryClient({ registry: bed!.bearer.host, credentials: provider }),
      async (client) => {
        const req = {
          method: 'GET',
          path: '/v2/_catalog?n=1',
          scopes: [CATALOG_SCOPE],
          what: 'Listing',
        };
        const res = await client.request(req);
        await res.discard();
        assert.equal(res.status, 200);
        assert.equal(invalidations, 1);
        // Only once per request: a credential that stays wrong fails as before.
        const stuck: CredentialProvider = Object.assign(
          async (): Promise<Credential> => ({
            kind: 'basic',
            username: 'tester',
            password: 'wrong-again-3',
          }),
          { invalidate: async () => true },
        );
        const other = new RegistryClient({ registry: bed!.bearer.host, credentials: stuck });
        await assert.rejects(other.request(req), (err) => isSifportError(err, 'AUTH_REQUIRED'));
        other.close();
      },
    );
  },
);

import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, test } from 'node:test';
import {
  startFakeRegistry,
  type FakeRegistry,
  NO_RETRY,
  startRecordingServer,
  type RecordedRequest,
  loopbackClient,
} from '../../../e2e/kit/index.js';
import type { RegistryClient } from './client.js';
import { listRepositories, listTags } from './listing.js';
import { putManifest } from './manifests.js';
import { EMPTY_CONFIG, EMPTY_CONFIG_DIGEST, MEDIA_TYPES } from './media-types.js';
import { uploadBytes } from './upload.js';

function clientFor(host: string): RegistryClient {
  return loopbackClient(host, { retry: NO_RETRY });
}

/** Puts a tiny image under each tag (config blob only, no layers needed for listing). */
async function seed(client: RegistryClient, repository: string, tags: string[]): Promise<void> {
  await uploadBytes(client, repository, EMPTY_CONFIG, EMPTY_CONFIG_DIGEST);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: MEDIA_TYPES.sifConfig, digest: EMPTY_CONFIG_DIGEST, size: 2 },
      layers: [],
    }),
  );
  for (const tag of tags) {
    await putManifest(client, repository, tag, manifest, MEDIA_TYPES.ociManifest);
  }
}

/** A scripted server: answers only the requests in `routes` and records any other. */
interface Scripted {
  readonly host: string;
  readonly unexpected: string[];
  routes: Map<string, (req: RecordedRequest, res: ServerResponse) => void>;
  stop(): Promise<void>;
}

async function startScripted(): Promise<Scripted> {
  const server = await startRecordingServer((req, res) => {
    const route = scripted.routes.get(`${req.method} ${req.path}`);
    if (!route) return false;
    route(req, res);
  });
  const scripted: Scripted = {
    host: server.host,
    get unexpected() {
      return server.unexpected.map((r) => `${r.method} ${r.path}`);
    },
    routes: new Map(),
    stop: server.close,
  };
  return scripted;
}

function json(body: unknown, headers: Record<string, string> = {}) {
  return (_req: RecordedRequest, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

function status(code: number, body = '', headers: Record<string, string> = {}) {
  return (_req: RecordedRequest, res: ServerResponse): void => {
    res.writeHead(code, headers).end(body);
  };
}

let fake: FakeRegistry;
let scripted: Scripted;

before(async () => {
  fake = await startFakeRegistry();
  scripted = await startScripted();
  const client = clientFor(fake.host);
  await seed(client, 'team/app', ['v1', 'v2', 'v3', 'v4', 'v5']);
  await seed(client, 'team/lib', ['latest']);
  await seed(client, 'zeta', ['only']);
  client.close();
});
after(async () => {
  assert.deepEqual(scripted.unexpected, []);
  await Promise.all([fake.stop(), scripted.stop()]);
});

test('listTags follows Link pages to the end', async () => {
  const client = clientFor(fake.host);
  const before = fake.requests.length;
  assert.deepEqual(await listTags(client, 'team/app', { pageSize: 2 }), [
    'v1',
    'v2',
    'v3',
    'v4',
    'v5',
  ]);
  const pages = fake.requests.slice(before).filter((r) => r.path.includes('/tags/list'));
  assert.deepEqual(
    pages.map((r) => r.path),
    [
      '/v2/team/app/tags/list?n=2',
      '/v2/team/app/tags/list?last=v2&n=2',
      '/v2/team/app/tags/list?last=v4&n=2',
    ],
  );
  assert.deepEqual(await listTags(client, 'team/app'), ['v1', 'v2', 'v3', 'v4', 'v5']);
  client.close();
});

test('listRepositories follows catalog pages (the next link is relative and URL-encoded)', async () => {
  const client = clientFor(fake.host);
  assert.deepEqual(await listRepositories(client, { pageSize: 1 }), [
    'team/app',
    'team/lib',
    'zeta',
  ]);
  client.close();
});

test('an unknown repository is NOT_FOUND with a readable message', async () => {
  const client = clientFor(fake.host);
  await assert.rejects(listTags(client, 'no/such'), {
    code: 'NOT_FOUND',
    message: /no\/such does not exist or has no tags \(NAME_UNKNOWN\)/,
  });
  client.close();
});

test('tags: null is an empty list; absolute next links are followed', async () => {
  const host = scripted.host;
  scripted.routes = new Map([
    ['GET /v2/', status(200)],
    ['GET /v2/empty/tags/list?n=1000', json({ name: 'empty', tags: null })],
    [
      'GET /v2/abs/tags/list?n=1000',
      json({ tags: ['a'] }, { link: `<http://${host}/v2/abs/tags/list?page=2>; rel="next"` }),
    ],
    ['GET /v2/abs/tags/list?page=2', json({ tags: ['b'] })],
  ]);
  const client = clientFor(host);
  assert.deepEqual(await listTags(client, 'empty'), []);
  assert.deepEqual(await listTags(client, 'abs'), ['a', 'b']);
  client.close();
});

test('a pagination loop, a foreign next link and too many pages are errors', async () => {
  scripted.routes = new Map([
    ['GET /v2/', status(200)],
    ['GET /v2/loop/tags/list?n=1000', json({ tags: ['a'] }, { link: '<?p=2>; rel="next"' })],
    ['GET /v2/loop/tags/list?p=2', json({ tags: ['b'] }, { link: '<list?p=2>; rel="next"' })],
    [
      'GET /v2/away/tags/list?n=1000',
      json({ tags: ['a'] }, { link: '<http://127.0.0.2:1/v2/away/tags/list>; rel="next"' }),
    ],
    ['GET /v2/many/tags/list?n=1000', json({ tags: ['a'] }, { link: '<?p=1>; rel="next"' })],
    ['GET /v2/many/tags/list?p=1', json({ tags: ['b'] }, { link: '<?p=2>; rel="next"' })],
  ]);
  const client = clientFor(scripted.host);
  await assert.rejects(listTags(client, 'loop'), {
    code: 'SERVER_ERROR',
    message: /pagination loops/,
  });
  await assert.rejects(listTags(client, 'away'), {
    code: 'SERVER_ERROR',
    message: /another server/,
  });
  await assert.rejects(listTags(client, 'many', { maxPages: 2 }), {
    code: 'TOO_LARGE',
    message: /more than 2 pages/,
  });
  client.close();
});

test('a refused page size is retried once without n', async () => {
  scripted.routes = new Map([
    ['GET /v2/', status(200)],
    [
      'GET /v2/_catalog?n=1000',
      status(400, JSON.stringify({ errors: [{ code: 'PAGINATION_NUMBER_INVALID' }] }), {
        'content-type': 'application/json',
      }),
    ],
    ['GET /v2/_catalog', json({ repositories: ['x'] })],
  ]);
  const client = clientFor(scripted.host);
  assert.deepEqual(await listRepositories(client), ['x']);
  client.close();
});

test('a registry without a catalog says so and suggests typing the name', async () => {
  for (const code of [404, 405]) {
    scripted.routes = new Map([
      ['GET /v2/', status(200)],
      ['GET /v2/_catalog?n=1000', status(code, '404 page not found')],
    ]);
    const client = clientFor(scripted.host);
    await assert.rejects(listRepositories(client), {
      code: 'UNSUPPORTED',
      message: /does not offer a repository listing.*Type the repository name instead/,
    });
    client.close();
  }
  scripted.routes = new Map([
    ['GET /v2/', status(401, '', { 'www-authenticate': 'Basic realm="x"' })],
    ['GET /v2/_catalog?n=1000', status(401, '', { 'www-authenticate': 'Basic realm="x"' })],
  ]);
  const client = clientFor(scripted.host);
  await assert.rejects(listRepositories(client), {
    code: 'AUTH_REQUIRED',
    message: /sifport login .*type the repository name instead/,
  });
  client.close();
});

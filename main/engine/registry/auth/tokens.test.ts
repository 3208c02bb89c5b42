import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  json,
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
  FAST_RETRY,
  loopbackClient,
  withClient,
} from '../../../../e2e/kit/index.js';
import { SifportError } from '../../errors.js';
import type { Challenge } from './challenge.js';
import { RegistryClient } from '../client.js';
import type { Credential } from './credentials.js';
import { NodeHttpTransport } from '../transport/http.js';
import { mergeScopes, pullScope, pushScope } from './scopes.js';
import { fetchToken, MemoryTokenCache, realmMayTakeCredentials, tokenCacheKey } from './tokens.js';

const T0 = Date.parse('2024-06-01T00:00:00Z');

describe('fetchToken (oras.md §4.2–§4.3)', () => {
  let server: RecordingServer;
  /** What the token endpoint answers next: status and JSON body. */
  let answer: { status: number; body: unknown; getStatus?: number };
  const transport = new NodeHttpTransport();

  before(async () => {
    server = await startRecordingServer((req, res) => {
      if (!req.path.startsWith('/token')) return false;
      if (req.method === 'GET' && answer.getStatus !== undefined) {
        return json(res, answer.getStatus, {});
      }
      return json(res, answer.status, answer.body);
    });
  });
  after(async () => {
    transport.close();
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    answer = { status: 200, body: { token: 'tok' } };
  });

  function challenge(realm = `${server.url}/token`): Challenge {
    return { scheme: 'bearer', params: { realm, service: 'svc' } };
  }

  function request(credential: Credential | undefined, now = T0, realm?: string) {
    return fetchToken({
      transport,
      challenge: challenge(realm),
      scopes: mergeScopes(pullScope('a/b'), pushScope('a/b'), pullScope('c')),
      credential,
      registry: 'reg.test',
      userAgent: 'sifport-test',
      now: () => now,
    });
  }

  function only(): RecordedRequest {
    assert.equal(server.requests.length, 1);
    return server.requests[0]!;
  }

  it('GETs with Basic, account, service and one merged scope per repository', async () => {
    await request({ kind: 'basic', username: 'u', password: 'p' });
    const req = only();
    assert.equal(req.method, 'GET');
    assert.equal(req.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    const url = new URL(req.path, server.url);
    assert.equal(url.searchParams.get('service'), 'svc');
    assert.equal(url.searchParams.get('account'), 'u');
    assert.deepEqual(url.searchParams.getAll('scope'), [
      'repository:a/b:pull,push',
      'repository:c:pull',
    ]);
  });

  it('asks anonymously with no Authorization header and no account', async () => {
    await request(undefined);
    const req = only();
    assert.equal(req.headers.authorization, undefined);
    assert.equal(new URL(req.path, server.url).searchParams.get('account'), null);
  });

  it('defaults the lifetime to 60 s and renews 30 s early (capped at half the lifetime)', async () => {
    assert.deepEqual(await request(undefined), { token: 'tok', renewAt: T0 + 30_000 });
    answer = { status: 200, body: { token: 'tok', expires_in: 300 } };
    assert.equal((await request(undefined)).renewAt, T0 + 270_000);
    answer = { status: 200, body: { token: 'tok', expires_in: 20 } };
    assert.equal((await request(undefined)).renewAt, T0 + 10_000);
  });

  it('counts from issued_at when it lies in the past, and uses access_token when token is absent', async () => {
    answer = {
      status: 200,
      body: {
        access_token: 'acc',
        expires_in: 300,
        issued_at: new Date(T0 - 100_000).toISOString(),
      },
    };
    assert.deepEqual(await request(undefined), { token: 'acc', renewAt: T0 - 100_000 + 270_000 });
    // An issued_at in the future (clock skew) does not extend the token's life.
    answer = {
      status: 200,
      body: { token: 'f', expires_in: 300, issued_at: new Date(T0 + 3_600_000).toISOString() },
    };
    assert.equal((await request(undefined)).renewAt, T0 + 270_000);
  });

  it('falls back to the OAuth2 password grant when GET is not offered (404/405)', async () => {
    answer = { status: 200, body: { access_token: 'posted' }, getStatus: 405 };
    const token = await request({ kind: 'basic', username: 'u', password: 'p' });
    assert.equal(token.token, 'posted');
    assert.equal(server.requests.length, 2);
    const post = server.requests[1]!;
    assert.equal(post.method, 'POST');
    assert.equal(post.headers['content-type'], 'application/x-www-form-urlencoded');
    const form = new URLSearchParams(post.body.toString());
    assert.equal(form.get('grant_type'), 'password');
    assert.equal(form.get('username'), 'u');
    assert.equal(form.get('password'), 'p');
    assert.equal(form.get('service'), 'svc');
    assert.equal(form.get('client_id'), 'sifport');
    assert.equal(form.get('scope'), 'repository:a/b:pull,push repository:c:pull');
  });

  it('uses the refresh-token grant for identity tokens', async () => {
    answer = { status: 200, body: { access_token: 'from-refresh' } };
    await request({ kind: 'identity-token', token: 'refresh-secret' });
    const req = only();
    assert.equal(req.method, 'POST');
    const form = new URLSearchParams(req.body.toString());
    assert.equal(form.get('grant_type'), 'refresh_token');
    assert.equal(form.get('refresh_token'), 'refresh-secret');
  });

  it('sends a registry token as it is, without asking the token service', async () => {
    const token = await request({ kind: 'registry-token', token: 'as-is' });
    assert.equal(token.token, 'as-is');
    assert.equal(server.requests.length, 0);
  });

  it('maps failures: 401 → AUTH_REQUIRED without the password, 5xx → retryable', async () => {
    answer = { status: 401, body: {} };
    await assert.rejects(
      request({ kind: 'basic', username: 'u', password: 'very-secret-pw' }),
      (err: unknown) => {
        assert.ok(err instanceof SifportError);
        assert.equal(err.code, 'AUTH_REQUIRED');
        assert.match(err.message, /rejected the credentials/);
        assert.ok(!err.message.includes('very-secret-pw'));
        return true;
      },
    );
    answer = { status: 401, body: {} };
    await assert.rejects(request(undefined), /refused an anonymous token/);
    answer = { status: 503, body: {} };
    await assert.rejects(request(undefined), { code: 'SERVER_ERROR', retryable: true });
  });

  it('refuses answers without a token or that are not JSON', async () => {
    answer = { status: 200, body: { expires_in: 5 } };
    await assert.rejects(request(undefined), /sent no token/);
    answer = { status: 200, body: 'not an object' };
    await assert.rejects(request(undefined), { code: 'AUTH_REQUIRED' });
  });

  it('refuses to send credentials to a plain-HTTP realm that is not loopback', async () => {
    await assert.rejects(
      request({ kind: 'basic', username: 'u', password: 'p' }, T0, 'http://auth.example.com/token'),
      { code: 'INSECURE_REFUSED' },
    );
    await assert.rejects(request(undefined, T0, 'not a url'), /no valid realm/);
  });

  it('sends credentials over plain HTTP only to this machine or an opted-in registry host', () => {
    const may = (realm: string, plainHttpHost?: string) =>
      realmMayTakeCredentials(new URL(realm), plainHttpHost);
    assert.equal(may('https://auth.example.com/token'), true);
    for (const local of ['127.0.0.1:5001', '127.0.0.2:5001', 'localhost', '[::1]:5001']) {
      assert.equal(may(`http://${local}/token`), true, local);
    }
    assert.equal(may('http://auth.example.com/token'), false);
    assert.equal(may('http://128.0.0.1/token'), false);
    assert.equal(may('http://127.example.com/token'), false);
    assert.equal(may('http://reg.lab:5001/token', 'reg.lab'), true);
    assert.equal(may('http://auth.lab/token', 'reg.lab'), false);
  });

  it('keys the cache by realm, service, user and sorted scopes', () => {
    const c = challenge('https://r/token');
    const a = tokenCacheKey(c, mergeScopes(pullScope('x'), pullScope('y')), 'u');
    const b = tokenCacheKey(c, mergeScopes(pullScope('y'), pullScope('x')), 'u');
    assert.equal(a, b);
    assert.notEqual(a, tokenCacheKey(c, mergeScopes(pullScope('x'), pullScope('y')), 'v'));
    assert.notEqual(a, tokenCacheKey(c, mergeScopes(pushScope('x'), pullScope('y')), 'u'));
  });
});

describe('RegistryClient token cache (oras.md §4.5)', () => {
  /** A registry that wants Bearer tokens from its own /token endpoint. */
  let server: RecordingServer;
  let issued = 0;
  const revoked = new Set<string>();
  let clock = T0;

  before(async () => {
    server = await startRecordingServer((req, res) => {
      if (req.path.startsWith('/token')) {
        issued++;
        const scope = new URL(req.path, server.url).searchParams.getAll('scope').join(' ');
        return json(res, 200, { token: `tok-${issued}|${scope}`, expires_in: 300 });
      }
      if (!req.path.startsWith('/v2/')) return false;
      const auth = req.headers.authorization ?? '';
      const challenge = `Bearer realm="${server.url}/token",service="svc"`;
      if (!auth.startsWith('Bearer ')) {
        return json(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED' }] },
          { 'www-authenticate': challenge },
        );
      }
      if (revoked.has(auth.slice(7))) {
        return json(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED' }] },
          {
            'www-authenticate': `${challenge},error="invalid_token"`,
          },
        );
      }
      return json(res, 200, {});
    });
  });
  after(() => server.close());

  function registryRequests(): RecordedRequest[] {
    return server.requests.filter((r) => r.path.startsWith('/v2/'));
  }

  async function get(client: RegistryClient, scope = pullScope('r')): Promise<void> {
    const res = await client.request({
      method: 'GET',
      path: '/v2/r/manifests/t',
      scopes: [scope],
      what: 'Fetching',
    });
    assert.equal(res.status, 200);
    await res.discard();
  }

  it('reuses a token until 30 s before it expires, then renews it before sending', async () => {
    server.requests.length = 0;
    issued = 0;
    clock = T0;
    await withClient(loopbackClient(server.host, { now: () => clock }), async (client) => {
      await get(client); // 401, token 1, 200
      assert.equal(issued, 1);
      clock = T0 + 269_000;
      await get(client); // still cached
      assert.equal(issued, 1);
      clock = T0 + 270_001;
      await get(client); // renewed up front: no 401 round trip
      assert.equal(issued, 2);
      const auths = registryRequests().map(
        (r) => (r.headers.authorization ?? 'none').split('|')[0],
      );
      assert.deepEqual(auths, ['none', 'Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
    });
  });

  it('keeps separate tokens per scope set and shares a cache between clients', async () => {
    server.requests.length = 0;
    issued = 0;
    clock = T0;
    const cache = new MemoryTokenCache();
    const options = {
      registry: server.host,
      plainHttp: true,
      retry: FAST_RETRY,
      now: () => clock,
      tokenCache: cache,
    };
    const first = new RegistryClient(options);
    const second = new RegistryClient(options);
    try {
      await get(first, pullScope('r'));
      await get(first, pushScope('r'));
      assert.equal(issued, 2);
      const pushAuth = registryRequests().at(-1)!.headers.authorization!;
      assert.match(pushAuth, /repository:r:pull,push$/);
      // A fresh client learns the challenge with one 401 and then always fetches a fresh token
      // (safe against a stale shared token); afterwards it finds the first client's pull token.
      await get(second, pushScope('r'));
      assert.equal(issued, 3);
      await get(second, pullScope('r'));
      assert.equal(issued, 3);
    } finally {
      first.close();
      second.close();
    }
  });

  it('drops a token the registry calls invalid_token, fetches a new one and retries once', async () => {
    server.requests.length = 0;
    issued = 0;
    clock = T0;
    await withClient(loopbackClient(server.host, { now: () => clock }), async (client) => {
      await get(client);
      const first = registryRequests().at(-1)!.headers.authorization!.slice(7);
      revoked.add(first);
      await get(client);
      assert.equal(issued, 2);
      const last = registryRequests()
        .slice(-2)
        .map((r) => r.headers.authorization!.slice(7));
      assert.equal(last[0], first);
      assert.notEqual(last[1], first);
    });
  });
});

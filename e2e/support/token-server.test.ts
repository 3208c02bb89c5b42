import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';

import { suiteTempDir } from '../kit/index.js';
import { sendRequest } from './http-request.js';
import { decodeJwt, pemToDerBase64 } from './jwt.js';
import { ensurePki } from './pki.js';
import type { PkiFiles } from './pki.js';
import { anonymousGrants, tokenUsers } from './testbed-accounts.js';
import { createTokenAuthority } from './token-authority.js';
import type { TokenAuthority } from './token-authority.js';
import { startTokenServer } from './token-server.js';
import type { TokenServer } from './token-server.js';

const service = 'unit-service';
const dir = suiteTempDir('sifport-token-');
let pki: PkiFiles;
let authority: TokenAuthority;
let server: TokenServer;
let secure: TokenServer;

before(async () => {
  pki = await ensurePki(join(dir.path, 'pki'));
  authority = createTokenAuthority({
    issuer: 'unit-issuer',
    services: [service],
    signer: {
      key: createPrivateKey(await readFile(pki.signerKey)),
      certPem: await readFile(pki.signerCert, 'utf8'),
    },
    ttlSeconds: 42,
    users: tokenUsers,
    anonymousGrants,
  });
  server = await startTokenServer({ authority });
  secure = await startTokenServer({
    authority,
    tls: { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) },
  });
});
after(async () => {
  await Promise.all([server.stop(), secure.stop()]);
});
beforeEach(() => authority.resetStats());

const basic = (user: string, pass: string): string =>
  `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

async function getToken(query: string, authorization?: string) {
  const response = await sendRequest(`${server.url}?${query}`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  return {
    status: response.status,
    headers: response.headers,
    json: JSON.parse(response.body.toString()) as Record<string, unknown>,
  };
}

async function postToken(form: Record<string, string>) {
  const response = await sendRequest(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    json: JSON.parse(response.body.toString()) as Record<string, unknown>,
  };
}

function claimsOf(token: unknown): Record<string, unknown> {
  assert.equal(typeof token, 'string');
  return decodeJwt(token as string).claims as Record<string, unknown>;
}

test('GET with Basic issues an RS256 JWT with x5c that verifies with the signing cert', async () => {
  const scopes = 'scope=repository:a/b:pull,push&scope=registry:catalog:*';
  const { status, json } = await getToken(
    `service=${service}&${scopes}`,
    basic('tester', 'testpass'),
  );
  assert.equal(status, 200);
  assert.equal(json['token'], json['access_token']);
  assert.equal(json['expires_in'], 42);
  const token = json['token'] as string;
  const [h = '', c = '', s = ''] = token.split('.');
  const cert = new X509Certificate(await readFile(pki.signerCert));
  assert.ok(
    verify('sha256', Buffer.from(`${h}.${c}`), cert.publicKey, Buffer.from(s, 'base64url')),
  );
  const { header } = decodeJwt(token);
  assert.deepEqual(header, {
    typ: 'JWT',
    alg: 'RS256',
    x5c: [pemToDerBase64(await readFile(pki.signerCert, 'utf8'))],
  });
  const claims = claimsOf(token);
  assert.equal(claims['iss'], 'unit-issuer');
  assert.equal(claims['sub'], 'tester');
  assert.equal(claims['aud'], service, 'aud must be a single string for distribution 2.8');
  assert.equal(Number(claims['exp']) - Number(claims['iat']), 42);
  assert.ok(Number(claims['nbf']) <= Number(claims['iat']));
  assert.match(String(claims['jti']), /^[0-9a-f]{24}$/);
  assert.deepEqual(claims['access'], [
    { type: 'repository', name: 'a/b', actions: ['pull', 'push'] },
    { type: 'registry', name: 'catalog', actions: ['*'] },
  ]);
  assert.equal(json['refresh_token'], undefined, 'no refresh token unless asked');
});

test('reader gets pull only; anonymous gets pull on public/* only', async () => {
  const reader = await getToken(
    `service=${service}&scope=repository:x:pull,push`,
    basic('reader', 'readpass'),
  );
  assert.deepEqual(claimsOf(reader.json['token'])['access'], [
    { type: 'repository', name: 'x', actions: ['pull'] },
  ]);
  const anon = await getToken(
    `service=${service}&scope=repository:public/x:pull,push&scope=repository:private/x:pull`,
  );
  assert.equal(anon.status, 200);
  const claims = claimsOf(anon.json['token']);
  assert.equal(claims['sub'], '');
  assert.deepEqual(claims['access'], [
    { type: 'repository', name: 'public/x', actions: ['pull'] },
    { type: 'repository', name: 'private/x', actions: [] },
  ]);
  assert.deepEqual(authority.stats.byUser, { reader: 1, '(anonymous)': 1 });
});

test('a bad password gets 401 with a Basic challenge and counts as rejected', async () => {
  const { status, headers } = await getToken(`service=${service}`, basic('tester', 'wrong'));
  assert.equal(status, 401);
  assert.match(String(headers['www-authenticate']), /^Basic /);
  const post = await postToken({
    grant_type: 'password',
    service,
    username: 'nobody',
    password: 'x',
  });
  assert.equal(post.status, 401);
  assert.equal(authority.stats.rejected, 2);
  assert.equal(authority.stats.issued, 0);
});

test('an unknown service is refused with 400', async () => {
  const { status } = await getToken('service=other&scope=repository:a:pull');
  assert.equal(status, 400);
});

test('offline_token=true yields a refresh token usable with the refresh_token grant', async () => {
  const first = await getToken(
    `service=${service}&offline_token=true`,
    basic('tester', 'testpass'),
  );
  const refresh = first.json['refresh_token'];
  assert.equal(typeof refresh, 'string');
  const second = await postToken({
    grant_type: 'refresh_token',
    service,
    client_id: 'sifport-test',
    refresh_token: String(refresh),
    scope: 'repository:r:pull,push repository:s:pull',
  });
  assert.equal(second.status, 200);
  assert.equal(second.json['scope'], 'repository:r:pull,push repository:s:pull');
  assert.equal(claimsOf(second.json['access_token'])['sub'], 'tester');
  const bogus = await postToken({ grant_type: 'refresh_token', service, refresh_token: 'nope' });
  assert.equal(bogus.status, 401);
  assert.deepEqual(authority.stats.byKind, { get: 1, password: 0, refresh: 2 });
});

test('OAuth2 password grant takes space-joined scopes and access_type=offline', async () => {
  const { status, json } = await postToken({
    grant_type: 'password',
    service,
    client_id: 'sifport-test',
    username: 'reader',
    password: 'readpass',
    scope: 'repository:a:pull,push repository:b:pull',
    access_type: 'offline',
  });
  assert.equal(status, 200);
  assert.equal(json['scope'], 'repository:a:pull repository:b:pull');
  assert.equal(typeof json['refresh_token'], 'string');
  const unsupported = await postToken({ grant_type: 'client_credentials', service });
  assert.equal(unsupported.status, 400);
});

test('counters track tokens per repository, and /stats serves them', async () => {
  for (let i = 0; i < 3; i += 1) {
    await getToken(
      `service=${service}&scope=repository:cache/me:pull`,
      basic('tester', 'testpass'),
    );
  }
  assert.equal(authority.stats.byRepository['cache/me'], 3);
  const response = await sendRequest(server.url.replace('/token', '/stats'));
  const stats = JSON.parse(response.body.toString()) as { requests: number; issued: number };
  assert.equal(stats.requests, 3);
  assert.equal(stats.issued, 3);
});

test('the https listener works with the test CA and shares the counters', async () => {
  const response = await sendRequest(`${secure.url}?service=${service}&scope=repository:t:pull`, {
    ca: await readFile(pki.caCert),
    headers: { authorization: basic('tester', 'testpass') },
  });
  assert.equal(response.status, 200);
  assert.match(secure.url, /^https:\/\/127\.0\.0\.1:\d+\/token$/);
  assert.equal(server.stats.issued, 1);
  await assert.rejects(sendRequest(`${secure.url}?service=${service}`), /certificate/);
});

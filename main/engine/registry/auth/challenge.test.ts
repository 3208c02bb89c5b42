import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseChallenges, preferredChallenge } from './challenge.js';

describe('parseChallenges (RFC 7235, oras.md §4.1)', () => {
  it('parses a Basic challenge', () => {
    assert.deepEqual(parseChallenges('Basic realm="sifport-testbed-basic"'), [
      { scheme: 'basic', params: { realm: 'sifport-testbed-basic' } },
    ]);
  });

  it('parses a Bearer challenge with realm, service, scope and error', () => {
    const header =
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
      'scope="repository:library/alpine:pull",error="insufficient_scope"';
    assert.deepEqual(parseChallenges(header), [
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull',
          error: 'insufficient_scope',
        },
      },
    ]);
  });

  it('keeps commas and spaces inside quoted values and unescapes backslashes', () => {
    const [c] = parseChallenges(
      'Bearer realm="https://a.example/token?x=1,y=2", scope="repository:a:pull,push repository:b:pull", ' +
        'error_description="say \\"hi\\", then \\\\ leave"',
    );
    assert.ok(c);
    assert.equal(c.params.realm, 'https://a.example/token?x=1,y=2');
    assert.equal(c.params.scope, 'repository:a:pull,push repository:b:pull');
    assert.equal(c.params.error_description, 'say "hi", then \\ leave');
  });

  it('lower-cases scheme and parameter names but not values; allows spaces around =', () => {
    assert.deepEqual(parseChallenges('BEARER Realm = "R", SERVICE=Svc'), [
      { scheme: 'bearer', params: { realm: 'R', service: 'Svc' } },
    ]);
  });

  it('accepts unquoted token values', () => {
    assert.deepEqual(parseChallenges('Bearer realm="r",error=invalid_token'), [
      { scheme: 'bearer', params: { realm: 'r', error: 'invalid_token' } },
    ]);
  });

  it('splits several challenges in one header', () => {
    const list = parseChallenges(
      'Basic realm="basic, with comma", Bearer realm="https://t/token",service="s", Negotiate',
    );
    assert.deepEqual(list, [
      { scheme: 'basic', params: { realm: 'basic, with comma' } },
      { scheme: 'bearer', params: { realm: 'https://t/token', service: 's' } },
      { scheme: 'negotiate', params: {} },
    ]);
  });

  it('reads challenges from several header values', () => {
    assert.deepEqual(
      parseChallenges(['Basic realm="a"', 'Bearer realm="b",service="c"']).map((c) => c.scheme),
      ['basic', 'bearer'],
    );
  });

  it('returns nothing for a missing or empty header, and does not throw on junk', () => {
    assert.deepEqual(parseChallenges(undefined), []);
    assert.deepEqual(parseChallenges(''), []);
    assert.deepEqual(parseChallenges(' , ,'), []);
    assert.doesNotThrow(() => parseChallenges('Bearer realm="unterminated'));
    assert.equal(parseChallenges('Bearer realm="unterminated')[0]?.params.realm, 'unterminated');
    assert.doesNotThrow(() => parseChallenges('Negotiate abc=='));
  });
});

describe('preferredChallenge', () => {
  it('prefers Bearer over Basic, falls back to Basic, ignores other schemes', () => {
    const both = parseChallenges('Basic realm="a", Bearer realm="b"');
    assert.equal(preferredChallenge(both)?.scheme, 'bearer');
    assert.equal(
      preferredChallenge(parseChallenges('Digest realm="x", Basic realm="a"'))?.scheme,
      'basic',
    );
    assert.equal(preferredChallenge(parseChallenges('Digest realm="x"')), undefined);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  empty,
  startRecordingServer,
  type RecordingServer,
  loopbackClient,
  withClient,
  failure,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import type { RegistryClient } from './client.js';
import { parseReference, parseRegistry } from './reference.js';

const FAST = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 };

/** Issue #10 item 13: each of these used to print a line that named the wrong problem. */
describe('messages that name the real problem (issue #10 item 13)', () => {
  let server: RecordingServer;
  /** The `WWW-Authenticate` value of the next 401. */
  let challenge = '';

  before(async () => {
    server = await startRecordingServer((req, res) => {
      if (req.path === '/auth/token') return false;
      return empty(res, 401, { 'www-authenticate': challenge });
    });
  });
  after(() => server.close());

  const client = (): RegistryClient =>
    loopbackClient(server.host, {
      retry: FAST,
      credentials: { kind: 'basic', username: 'alice', password: 'pw-secret-1' },
    });

  /** What a ping by alice fails with, under the current challenge. */
  const pingFailure = (): Promise<SifportError> =>
    withClient(client(), (c) => failure(() => c.ping()));

  it('an ftp:// token realm is an unsupported realm scheme, not INTERNAL', async () => {
    challenge = 'Bearer realm="ftp://127.0.0.1/auth/token",service="reg"';
    const err = await pingFailure();
    assert.equal(err.code, 'UNSUPPORTED');
    assert.match(err.message, /ftp:/);
    assert.match(err.message, /realm/);
    assert.doesNotMatch(err.message, /pw-secret-1/);
  });

  it('a Negotiate challenge says Kerberos is not supported, not "rejected the credentials"', async () => {
    challenge = 'Negotiate';
    const err = await pingFailure();
    assert.equal(err.code, 'UNSUPPORTED');
    assert.match(err.message, /Negotiate/);
    assert.match(err.message, /Kerberos/);
    assert.match(err.message, /token or password/);
    assert.doesNotMatch(err.message, /rejected the credentials/);
  });

  it('credentials in a reference are refused, and the password is never echoed', () => {
    for (const input of [
      'oras://user:pw-secret-2@reg.example.com/lab/app:1',
      'oras://user:pw-secret-2@127.0.0.1:5000/lab/app@sha256:' + 'a'.repeat(64),
      'user@reg.example.com/lab/app:1',
    ]) {
      assert.throws(
        () => parseReference(input),
        (err: unknown) => {
          assert.ok(err instanceof SifportError);
          assert.equal(err.code, 'REFERENCE_INVALID');
          assert.match(err.message, /credentials/i);
          assert.match(err.message, /sifport login/);
          assert.doesNotMatch(err.message, /pw-secret-2/);
          assert.doesNotMatch(err.message, /digest must be/);
          return true;
        },
        input,
      );
    }
    assert.throws(
      () => parseRegistry('oras://user:pw-secret-2@reg.example.com'),
      (err: unknown) => {
        assert.ok(err instanceof SifportError);
        assert.match(err.message, /credentials/i);
        assert.doesNotMatch(err.message, /pw-secret-2/);
        return true;
      },
    );
  });
});

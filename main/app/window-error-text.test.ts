import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forWindow, windowWording } from './window-error-text.js';
import { SifportError } from '../engine/errors.js';
import { dispatch, type Handlers } from './dispatch.js';

describe('windowWording', () => {
  const cases: readonly (readonly [string, string])[] = [
    [
      'Login to r.io failed: the token service rejected the credentials. Check them and run `sifport login r.io` again.',
      'Login to r.io failed: the token service rejected the credentials. Check them, then use Log in again.',
    ],
    [
      'r.io requires a login. Run `sifport login r.io`.',
      'r.io requires a login. Log in to r.io again.',
    ],
    [
      'Listing tags needs a login: run `sifport login r.io`.',
      'Listing tags needs a login: log in to r.io again.',
    ],
    [
      'r.io refused an anonymous token. Log in with `sifport login r.io`.',
      'r.io refused an anonymous token. Log in to r.io.',
    ],
    [
      'Denied. Log in with `sifport login REGISTRY` (or check the username and password).',
      'Denied. Log in again (or check the username and password).',
    ],
    [
      'r.io does not offer a repository listing. Type the repository name instead (e.g. `sifport tags oras://r.io/REPOSITORY`).',
      'r.io does not offer a repository listing. Type the repository name instead (Add by name…).',
    ],
    [
      'The secret of account a1 (bob on r.io) is missing: remove it and add it again (`sifport accounts rm a1`).',
      'The secret of account a1 (bob on r.io) is missing: remove it and add it again.',
    ],
    [
      'r.io/a:1 does not exist (MANIFEST_UNKNOWN). Check the repository and tag (`sifport tags oras://r.io/a`).',
      'r.io/a:1 does not exist (MANIFEST_UNKNOWN). Check the repository and tag.',
    ],
  ];
  for (const [engine, window] of cases) {
    it(`rewords: ${engine.slice(0, 48)}…`, () => assert.equal(windowWording(engine), window));
  }

  it('leaves a message without a CLI step as it is', () => {
    const text = 'The registry answered 500; try again later.';
    assert.equal(windowWording(text), text);
  });

  it('every message the engine writes loses its `sifport` step', () => {
    for (const [engine] of cases) assert.doesNotMatch(windowWording(engine), /`sifport /);
  });
});

describe('forWindow', () => {
  it('keeps code, retryable and detail; passes undefined through', () => {
    const info = {
      code: 'AUTH_REQUIRED' as const,
      message: 'Run `sifport login r.io`.',
      retryable: false,
      detail: { status: 401 },
    };
    assert.deepEqual(forWindow(info), { ...info, message: 'Log in to r.io again.' });
    assert.equal(forWindow(undefined), undefined);
  });
});

describe('at the boundary', () => {
  it('an error envelope from dispatch carries the window wording', async () => {
    const handlers = {
      'app:info': () =>
        Promise.reject(
          new SifportError('AUTH_REQUIRED', 'r.io requires a login. Run `sifport login r.io`.'),
        ),
    } as unknown as Handlers;
    const answer = await dispatch(handlers, 'app:info', {});
    assert.equal(answer.ok, false);
    assert.equal(
      !answer.ok && answer.error.message,
      'r.io requires a login. Log in to r.io again.',
    );
    assert.equal(!answer.ok && answer.error.code, 'AUTH_REQUIRED');
  });
});

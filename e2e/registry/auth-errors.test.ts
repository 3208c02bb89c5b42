import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { SifportError } from '../../main/engine/errors.js';
import { RegistryClient } from '../../main/engine/registry/client.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import { pushSif } from '../../main/engine/transfers/push.js';
import {
  bed,
  clientFor,
  failure,
  FAST_RETRY,
  skip,
  suiteSif,
  uniqueRepo,
  type RegistryName,
} from './bed.js';

const WRONG = 'Wr0ng-passw0rd-xyz';

/** The password must not appear anywhere a user or a log could see it. */
function assertNoSecret(err: SifportError, secret: string): void {
  const shown = [err.message, JSON.stringify(err.toInfo()), String(err.stack)].join('\n');
  assert.ok(!shown.includes(secret), `the secret leaked: ${shown}`);
  assert.ok(!shown.includes(Buffer.from(`tester:${secret}`).toString('base64')));
}

describe('authentication and error answers of real registries (oras.md §3.9, §4)', () => {
  const sif = suiteSif('auth-errors', 'auth.sif', 200_000);

  for (const name of ['basic', 'bearer', 'tls'] as const satisfies readonly RegistryName[]) {
    it(
      `${name}: a wrong password is AUTH_REQUIRED and the password never shows`,
      { skip },
      async () => {
        const info = bed!;
        const client = clientFor(info, name, { username: 'tester', password: WRONG });
        try {
          const err = await failure(() =>
            pushSif({
              client,
              file: sif.path,
              reference: parseReference(`${info[name].host}/${uniqueRepo('wrong')}:t`),
            }),
          );
          assert.equal(err.code, 'AUTH_REQUIRED');
          assert.match(err.message, /rejected the credentials/);
          assert.match(err.message, /sifport login/);
          assertNoSecret(err, WRONG);
        } finally {
          client.close();
        }
      },
    );
  }

  it('basic: no login at all is AUTH_REQUIRED with a hint to log in', { skip }, async () => {
    const info = bed!;
    const client = clientFor(info, 'basic', 'anonymous');
    try {
      const err = await failure(() =>
        pullSif({
          client,
          reference: parseReference(`${info.basic.host}/${uniqueRepo('anon')}:t`),
          destination: join(sif.dir, 'x.sif'),
        }),
      );
      assert.equal(err.code, 'AUTH_REQUIRED');
      assert.match(
        err.message,
        new RegExp(`sifport login ${info.basic.host.replace(/\./g, '\\.')}`),
      );
    } finally {
      client.close();
    }
  });

  for (const name of ['open', 'bearer'] as const satisfies readonly RegistryName[]) {
    it(
      `${name}: pulling from a repository that does not exist is NOT_FOUND`,
      { skip },
      async () => {
        const info = bed!;
        const client = clientFor(info, name);
        const repo = uniqueRepo('missing');
        try {
          const err = await failure(() =>
            pullSif({
              client,
              reference: parseReference(`${info[name].host}/${repo}:nope`),
              destination: join(sif.dir, `${name}-missing.sif`),
            }),
          );
          assert.equal(err.code, 'NOT_FOUND');
          assert.equal(err.status, 404);
          assert.ok(err.message.includes(`${repo}:nope does not exist`), err.message);
          assert.ok(!(await readdir(sif.dir)).includes(`${name}-missing.sif`));
        } finally {
          client.close();
        }
      },
    );
  }

  /**
   * On the bearer registry: tester pushes the SIF to `repo:v1`, `who` pulls it back (the
   * bytes must match), then `who` tries to push to `pushTo`; returns how that push failed.
   */
  async function pullsButCannotPush(
    who: 'reader' | 'anonymous',
    repo: string,
    pushTo: string,
  ): Promise<SifportError> {
    const host = bed!.bearer.host;
    const reference = parseReference(`${host}/${repo}:v1`);
    const tester = clientFor(bed!, 'bearer', 'tester');
    const other = clientFor(bed!, 'bearer', who);
    try {
      await pushSif({ client: tester, file: sif.path, reference });
      const out = join(sif.dir, `${who}-pulled.sif`);
      await pullSif({ client: other, reference, destination: out });
      assert.ok((await readFile(out)).equals(sif.bytes));
      return await failure(() =>
        pushSif({ client: other, file: sif.path, reference: parseReference(`${host}/${pushTo}`) }),
      );
    } finally {
      tester.close();
      other.close();
    }
  }

  it('bearer: reader may pull but pushing is DENIED', { skip }, async () => {
    const pushTo = `${uniqueRepo('reader-push')}:v1`;
    const err = await pullsButCannotPush('reader', uniqueRepo('reader'), pushTo);
    assert.equal(err.code, 'DENIED');
    assert.match(err.message, /no right to pull\/push/);
    assertNoSecret(err, bed!.users.reader.password);
  });

  it(
    'bearer: anonymous pull works on public/*, anonymous push asks for a login',
    { skip },
    async () => {
      const repo = `public/${uniqueRepo('anon').replace('/', '-')}`;
      const err = await pullsButCannotPush('anonymous', repo, `${repo}:v2`);
      assert.equal(err.code, 'AUTH_REQUIRED');
      assert.match(err.message, /needs a login/);
    },
  );

  it(
    'tls: without the CA the answer is TLS with a hint, never a silent switch to HTTP',
    { skip },
    async () => {
      const info = bed!;
      const client = new RegistryClient({
        registry: info.tls.host,
        retry: FAST_RETRY,
        credentials: { kind: 'basic', username: 'tester', password: 'testpass' },
      });
      try {
        const err = await failure(() =>
          pushSif({
            client,
            file: sif.path,
            reference: parseReference(`${info.tls.host}/${uniqueRepo('noca')}:v1`),
          }),
        );
        assert.equal(err.code, 'TLS');
        assert.match(err.message, /--ca-file/);
      } finally {
        client.close();
      }
    },
  );
});

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { EventName, EventOf } from '../../shared/contract.js';
import {
  fixturePath,
  fixtureText,
  loadTestBed,
  SIGNED_SIF,
  TEST_FINGERPRINT,
  testBedSkipReason,
  waitFor,
} from '../../e2e/kit/index.js';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { Keyring } from '../engine/keys/index.js';
import { RegistryClient } from '../engine/registry/client.js';
import { pushSif } from '../engine/transfers/push.js';
import { parseReference } from '../engine/registry/reference.js';
import { MemoryDigestCache } from '../engine/transfers/digest-cache.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';

const bed = loadTestBed();

/**
 * "Verify after pull" through `transfer:pull` (UI.md S8): the queue's pull job runs the
 * engine's pull signature check (the CLI's `pull --fingerprint`) with the profile's keyring.
 */
describe('transfer:pull with verify', { skip: bed ? false : testBedSkipReason }, () => {
  let dir = '';
  let keyring: Keyring;
  const client = () => new RegistryClient({ registry: bed!.open.host });
  const repo = `oras://${bed?.open.host}/pull-verify/t${Date.now()}`;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sifport-pull-verify-'));
    keyring = new Keyring(join(dir, 'keys'));
    await keyring.importKeys(fixtureText('test-public.asc'));
    for (const [file, tag] of [
      [SIGNED_SIF, 'good'],
      [fixturePath('signed-by-other.sif'), 'other'],
    ] as const) {
      const c = client();
      try {
        await pushSif({
          client: c,
          file,
          reference: parseReference(`${repo}:${tag}`),
          digestCache: new MemoryDigestCache(),
        });
      } finally {
        c.close();
      }
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** Pulls `tag` through the handlers with `verify`, and answers the finished job. */
  async function pull(tag: string, verify: { fingerprint?: string }, keysDir = join(dir, 'keys')) {
    const events: { event: EventName; payload: unknown }[] = [];
    const emit = <E extends EventName>(event: E, payload: EventOf<E>) =>
      void events.push({ event, payload });
    const destination = join(dir, `${tag}-${Object.keys(verify).length}-${keysDir.length}.sif`);
    const handlers = createHandlers(
      testHandlerDeps({
        emit,
        clientFor: (registry) => new RegistryClient({ registry }),
        keys: { keyring: new Keyring(keysDir), dir: keysDir },
      }),
    );
    const started = await dispatch(handlers, 'transfer:pull', {
      reference: `${repo}:${tag}`,
      destination,
      verify,
    });
    assert.equal(started.ok, true);
    let job: EventOf<'transfer:finished'>['job'] | undefined;
    await waitFor(
      () => {
        const found = events.find((e) => e.event === 'transfer:finished');
        job = (found?.payload as EventOf<'transfer:finished'> | undefined)?.job;
        return job !== undefined;
      },
      { timeoutMs: 30_000, what: () => `the pull of ${tag} to finish` },
    );
    return { job: job!, destination };
  }

  test('a signed image lands byte-identical and the job says it verified', async () => {
    const { job, destination } = await pull('good', { fingerprint: TEST_FINGERPRINT });
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    assert.match(job.result?.verified ?? '', /1 signature\(s\) verified, signed by/);
    assert.match(job.result?.summary ?? '', /^verified: /);
    assert.deepEqual(await readFile(destination), await readFile(SIGNED_SIF));
  });

  test('another signer fails with SIGNATURE_INVALID and nothing is written', async () => {
    const { job, destination } = await pull('other', {});
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'SIGNATURE_INVALID');
    assert.match(job.error?.message ?? '', /does not verify .*nothing was written/);
    await assert.rejects(stat(destination), { code: 'ENOENT' });
  });

  test('an empty keyring fails before downloading, saying to import keys', async () => {
    const { job } = await pull('good', {}, join(dir, 'empty-keys'));
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.code, 'NOT_FOUND');
    assert.match(job.error?.message ?? '', /No public keys in the keyring .*import some first/);
  });
});

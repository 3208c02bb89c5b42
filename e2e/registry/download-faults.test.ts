import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { SifportError } from '../../main/engine/errors.js';
import { parseReference } from '../../main/engine/registry/reference.js';
import { pullSif } from '../../main/engine/transfers/pull.js';
import type { BodyFault } from './body-fault-proxy.js';
import { MiB, skip, suiteSif, suitePushedSif } from './bed.js';
import { perTestTempDir } from '../kit/index.js';
import { pullThroughBodyFaults, summary, viaProxy } from './fault-helpers.js';

describe('pulls through faults (oras.md §3.2, §1.3)', () => {
  const sif = suiteSif('download-faults', 'faults.sif', 4 * MiB + 999);
  /** Where each test pulls to: a directory of its own, so it can check what is left there. */
  const pullDir = perTestTempDir('sifport-pull-out-');
  const image = suitePushedSif(sif, 'pull-faults');

  const pullThrough = (plan: (n: number) => BodyFault, out: string) =>
    pullThroughBodyFaults(image.repo, plan, { destination: out });

  it('a cut download is resumed with Range and completes', { skip }, async () => {
    const outDir = pullDir.path;
    const out = join(outDir, 'cut.sif');
    const { value, error, log } = await pullThrough(
      (n) => (n === 0 ? { kind: 'cut', bytes: MiB } : { kind: 'pass' }),
      out,
    );
    assert.equal(error, undefined, String(error));
    assert.equal(value?.resumes, 1);
    assert.deepEqual(
      log.map((r) => r.status),
      [200, 206],
    );
    assert.equal(log[0]!.range, undefined);
    // Resumed after what had reached the file: at most the 1 MiB sent before the cut.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(log[1]!.range ?? '')?.[1]);
    assert.ok(resumedAt > 0 && resumedAt <= MiB, `resumed at ${log[1]!.range}`);
    assert.ok((await readFile(out)).equals(sif.bytes));
    assert.deepEqual(await readdir(outDir), ['cut.sif']);
  });

  it(
    'corrupted bytes: DIGEST_MISMATCH, no destination, no partial file left',
    { skip },
    async () => {
      const outDir = pullDir.path;
      const { error } = await pullThrough(
        () => ({ kind: 'corrupt', offset: 2 * MiB }),
        join(outDir, 'bad.sif'),
      );
      assert.ok(error instanceof SifportError);
      assert.equal(error.code, 'DIGEST_MISMATCH');
      assert.match(error.message, /nothing was written/);
      assert.deepEqual(await readdir(outDir), []);
    },
  );

  it(
    'a download that keeps breaking fails cleanly; a later pull resumes and completes',
    { skip },
    async () => {
      const outDir = pullDir.path;
      const out = join(outDir, 'broken.sif');
      const first = await pullThrough(() => ({ kind: 'cut', bytes: 256 * 1024 }), out);
      assert.ok(first.error instanceof SifportError);
      assert.equal(first.error.code, 'NETWORK');
      const left = await readdir(outDir);
      assert.ok(!left.includes('broken.sif'), 'nothing at the destination');
      assert.ok(
        left.every((f) => f.startsWith('.broken.sif.') && f.endsWith('.partial')),
        left.join(),
      );

      const second = await pullThrough(() => ({ kind: 'pass' }), out);
      assert.equal(second.error, undefined, String(second.error));
      assert.match(
        second.log[0]?.range ?? '',
        /^bytes=[1-9]\d*-$/,
        'continued from the partial file',
      );
      assert.ok((await readFile(out)).equals(sif.bytes));
      assert.deepEqual(await readdir(outDir), ['broken.sif']);
    },
  );

  it('a blob GET whose answer is lost is simply asked again', { skip }, async () => {
    await viaProxy(async (proxy, client) => {
      proxy.cutAfter({ method: 'GET', pathPattern: /\/blobs\/sha256:/, bytes: 0 });
      const out = join(sif.dir, 'lost-answer.sif');
      await pullSif({
        client,
        reference: parseReference(`${proxy.host}/${image.repo}:v1`),
        destination: out,
      });
      assert.ok((await readFile(out)).equals(sif.bytes));
      assert.deepEqual(
        summary(proxy).filter((l) => l.includes(' blob ')),
        ['GET blob cut', 'GET blob 200'],
      );
    });
  });
});

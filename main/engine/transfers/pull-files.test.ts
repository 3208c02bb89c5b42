import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openSync, writeSync, closeSync } from 'node:fs';
import { chmod, chown, lstat, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

import {
  UNSIGNED_SIF,
  json,
  suiteRecordingRegistry,
  perTestTempDir,
  sha256,
} from '../../../e2e/kit/index.js';
import { SifportError } from '../errors.js';
import { MEDIA_TYPES } from '../registry/media-types.js';
import { parseReference } from '../registry/reference.js';
import { buildSifManifest } from '../registry/artifact/sif-manifest.js';
import { pullSif, type PullOptions } from './pull.js';

/** Titles the registry gives each repository's SIF layer (`org.opencontainers.image.title`). */
const TITLES: Readonly<Record<string, string>> = {
  good: 'image.sif',
  slow: 'image.sif',
  long: `${'x'.repeat(4996)}.sif`,
  newline: 'a\nb.sif',
  escape: '\x1b]0;owned\x07.sif',
  nul: 'a\0b.sif',
};

function fileError(pattern: RegExp) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof SifportError, String(err));
    assert.equal(err.code, 'FILE_ERROR', err.message);
    assert.match(err.message, pattern);
    return true;
  };
}

describe('pullSif and the files it writes (issue #10 items 2, 3, 13, 14)', () => {
  let SIF: Buffer;
  let DIGEST: string;

  before(async () => {
    SIF = Buffer.concat([await readFile(UNSIGNED_SIF), randomBytes(3 * 1024 * 1024)]);
    DIGEST = sha256(SIF);
  });
  const registry = suiteRecordingRegistry(
    (req, res) => {
      const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/?]+)$/.exec(req.path);
      const repo = m?.[1] ?? '';
      if (!m || req.method !== 'GET' || TITLES[repo] === undefined) return false;
      if (m[2] === 'manifests') {
        const bytes = buildSifManifest({ size: SIF.length, digest: DIGEST, title: TITLES[repo] });
        res.writeHead(200, { 'content-type': MEDIA_TYPES.ociManifest });
        res.end(bytes);
        return true;
      }
      if (m[3] !== DIGEST) return json(res, 404, { errors: [{ code: 'BLOB_UNKNOWN' }] });
      const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      const body = SIF.subarray(start);
      res.writeHead(start > 0 ? 206 : 200, {
        'content-length': body.length,
        ...(start > 0 ? { 'content-range': `bytes ${start}-${SIF.length - 1}/${SIF.length}` } : {}),
      });
      if (repo !== 'slow') {
        res.end(body);
        return true;
      }
      // Slowly, so that two pulls surely overlap: 16 pieces, 15 ms apart.
      const piece = Math.ceil(body.length / 16);
      let at = 0;
      const next = (): void => {
        if (at >= body.length || res.destroyed) {
          res.end();
          return;
        }
        res.write(body.subarray(at, at + piece));
        at += piece;
        setTimeout(next, 15);
      };
      next();
      return true;
    },
    { plainHttp: false },
  );
  const dir = perTestTempDir('sifport-pull-files-');

  const partialOf = (name: string): string =>
    join(dir.path, `.${name}.${DIGEST.slice(7, 19)}.partial`);

  function pull(
    repo: string,
    destination = join(dir.path, 'out.sif'),
    extra: Partial<PullOptions> = {},
  ) {
    return pullSif({
      client: registry.client,
      reference: parseReference(`${registry.server.host}/${repo}:v1`),
      destination,
      ...extra,
    });
  }

  describe('item 2: planted links', () => {
    it('a symlink at the partial path is refused; the file it points at is untouched', async () => {
      const victim = join(dir.path, 'victim');
      await writeFile(victim, 'precious');
      await chmod(victim, 0o600);
      await symlink(victim, partialOf('out.sif'));
      await assert.rejects(pull('good'), fileError(/symbolic link/));
      assert.equal(await readFile(victim, 'utf8'), 'precious');
      assert.equal((await stat(victim)).mode & 0o777, 0o600);
      await assert.rejects(lstat(join(dir.path, 'out.sif')), { code: 'ENOENT' });
    });

    it(
      "another user's file at the partial path is refused and left alone",
      { skip: process.getuid?.() !== 0 && 'needs root to give a file away' },
      async () => {
        const partial = partialOf('out.sif');
        await writeFile(partial, SIF.subarray(0, 1000));
        await chown(partial, 65534, 65534);
        await assert.rejects(pull('good'), fileError(/another user/));
        assert.equal((await stat(partial)).uid, 65534);
        assert.deepEqual(await readdir(dir.path), [partial.slice(dir.path.length + 1)]);
      },
    );

    it('a dangling symlink at the destination counts as an existing file', async () => {
      const victim = join(dir.path, 'not-yet');
      await symlink(victim, join(dir.path, 'out.sif'));
      await assert.rejects(pull('good'), fileError(/already exists.*--force/));
      assert.ok((await lstat(join(dir.path, 'out.sif'))).isSymbolicLink());
      await assert.rejects(lstat(victim), { code: 'ENOENT' });
      // With force the link itself is replaced; nothing is written where it pointed.
      await pull('good', join(dir.path, 'out.sif'), { force: true });
      assert.ok((await lstat(join(dir.path, 'out.sif'))).isFile());
      await assert.rejects(lstat(victim), { code: 'ENOENT' });
    });
  });

  describe('item 3: one destination, two pulls', () => {
    it('two pulls at once end with one correct file, and both succeed', async () => {
      const out = join(dir.path, 'shared.sif');
      const notices: string[] = [];
      const results = await Promise.allSettled([
        pull('slow', out, { onNotice: (m) => notices.push(m) }),
        pull('slow', out, { onNotice: (m) => notices.push(m) }),
      ]);
      for (const r of results)
        assert.equal(r.status, 'fulfilled', String((r as { reason?: unknown }).reason));
      const file = await readFile(out);
      assert.equal(file.length, SIF.length);
      assert.equal(sha256(file), DIGEST);
      const values = results.map(
        (r) => (r as PromiseFulfilledResult<{ finishedByAnother: boolean }>).value,
      );
      assert.equal(
        values.filter((v) => v.finishedByAnother).length,
        1,
        'the second found the file',
      );
      assert.equal(notices.length, 1);
      assert.match(
        notices[0]!,
        new RegExp(`^Waiting for another pull of .*shared\\.sif \\(pid ${process.pid}`),
      );
      assert.deepEqual(await readdir(dir.path), ['shared.sif'], 'no partial or lock left');
    });

    it('a partial file changed between download and rename fails verification', async () => {
      const out = join(dir.path, 'out.sif');
      await assert.rejects(
        pull('good', out, {
          beforeCommit: async (temp) => {
            const fd = openSync(temp, 'r+');
            writeSync(fd, Buffer.from('tampered'), 0, 8, 4096);
            closeSync(fd);
          },
        }),
        (err: unknown) => {
          assert.ok(err instanceof SifportError);
          assert.equal(err.code, 'DIGEST_MISMATCH');
          assert.match(err.message, /changed on disk|does not match/);
          return true;
        },
      );
      assert.deepEqual(await readdir(dir.path), [], 'nothing renamed, nothing left');
    });
  });

  describe('items 13 and 14: titles that are no file name', () => {
    it('a 5,000-character title: FILE_ERROR naming the length, not ENAMETOOLONG', async () => {
      await assert.rejects(
        pull('long', dir.path),
        fileError(/too long for a file name.*destination/),
      );
      assert.deepEqual(await readdir(dir.path), []);
    });

    it('control characters in a title (newline, escape, NUL) are refused', async () => {
      for (const repo of ['newline', 'escape', 'nul']) {
        await assert.rejects(pull(repo, dir.path), fileError(/control characters.*destination/));
      }
      assert.deepEqual(await readdir(dir.path), []);
    });

    it('the same images pull fine to an explicit file name', async () => {
      await pull('newline', join(dir.path, 'mine.sif'));
      assert.deepEqual(await readdir(dir.path), ['mine.sif']);
    });
  });
});

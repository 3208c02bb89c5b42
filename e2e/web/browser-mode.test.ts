/**
 * `npm run web` as a user runs it (issue #11): the built browser mode prints the page's URL
 * on a line of its own, serves the window with the CLI's profile, and stops cleanly on Ctrl-C.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { waitFor } from '../kit/index.js';
import { ensureShellBuild } from '../electron/shell-build.js';
import { repoRoot } from './web-build.js';

test(
  'the browser mode prints its URL, serves the window, and stops on Ctrl-C',
  { timeout: 120_000 },
  async () => {
    await ensureShellBuild();
    const profile = await mkdtemp(join(tmpdir(), 'sifport-web-mode-'));
    const child = spawn(
      process.execPath,
      ['dist/main/web.js', '--no-open', '--config-dir', profile],
      {
        cwd: repoRoot,
        env: { ...process.env, DISPLAY: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      await waitFor(() => /^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/m.test(out), {
        timeoutMs: 30_000,
        what: () => `the URL line; printed so far: ${out}`,
      });
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/)#token=[\w-]+$/m.exec(out)![1]!;
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(out, new RegExp(`profile ${profile.replace(/[/\\]/g, '.')}`));
      child.kill('SIGINT');
      assert.equal(await exited, 0);
      assert.match(out, /Stopping\./);
    } finally {
      child.kill('SIGKILL');
      await rm(profile, { recursive: true, force: true });
    }
  },
);

test(
  'the browser mode refuses an unknown argument with a usage line',
  { timeout: 60_000 },
  async () => {
    await ensureShellBuild();
    const child = spawn(process.execPath, ['dist/main/web.js', '--colour'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /unknown argument "--colour" \(npm run web -- --help\)/);
  },
);

/**
 * The packaged desktop app (issue #11): `npm run dist:dir` builds electron-builder's `dir`
 * target (against a stand-in Electron where no binary exists), and its `app.asar` must hold
 * the main process, the preload and the window, everything the main process imports, and
 * nothing of the tests or the dev tool chain; the executable's fuses must be as configured.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { before, describe, test } from 'node:test';
import { ensureShellBuild } from '../electron/shell-build.js';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};

const root = new URL('../../', import.meta.url).pathname;
const unpacked = `${root}release/linux-unpacked`;
const archive = `${unpacked}/resources/app.asar`;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

let files: Set<string>;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: ${code}`)),
    );
  });
}

before(
  async () => {
    // `npm run dist:dir` without its clean rebuild: other tests use dist/ at the same time.
    await ensureShellBuild();
    await run(process.execPath, ['--import', 'tsx', 'scripts/dist-dir.ts']);
    files = new Set(asar.listPackage(archive).map((p) => p.replace(/\\/g, '/')));
  },
  { timeout: 300_000 },
);

/** Relative and bare specifiers a built ES module imports. */
function importsOf(source: string): string[] {
  const found = source.matchAll(
    /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  );
  return [...found].map((m) => m[1] ?? m[2] ?? '');
}

describe('the packaged app (npm run dist:dir)', { timeout: 360_000 }, () => {
  test('holds the main process, the preload and the built window with its nonce tag', () => {
    for (const file of [
      '/dist/main/index.js',
      '/dist/preload/index.cjs',
      '/dist-web/index.html',
      '/package.json',
    ]) {
      assert.ok(files.has(file), `${file} is in app.asar`);
    }
    const html = asar.extractFile(archive, 'dist-web/index.html').toString();
    assert.match(html, /<meta property="csp-nonce" content="" \/>/);
    assert.doesNotMatch(html, /unsafe-inline/);
    const policy = asar.extractFile(archive, 'dist/main/app/page-policy.js').toString();
    assert.match(policy, /script-src 'self'/);
  });

  test('everything the main process imports is inside the archive', () => {
    const packages = new Set(
      [...files].filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]!),
    );
    const seen = new Set<string>();
    const queue = ['/dist/main/index.js'];
    const missing: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of importsOf(asar.extractFile(archive, file.slice(1)).toString())) {
        if (spec.startsWith('.')) {
          const target = posix.normalize(posix.join(posix.dirname(file), spec));
          if (files.has(target)) queue.push(target);
          else missing.push(`${file} → ${spec}`);
        } else if (!spec.startsWith('node:') && spec !== 'electron') {
          const name = spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : spec.split('/')[0]!;
          if (!packages.has(name.split('/')[0]!)) missing.push(`${file} → ${spec}`);
        }
      }
    }
    assert.ok(seen.size > 20, `walked ${seen.size} modules`);
    assert.deepEqual(missing, []);
  });

  test('holds no test code, test host, source maps or dev dependency', async () => {
    const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const bad = [...files].filter(
      (f) =>
        f.startsWith('/e2e') ||
        f.startsWith('/scripts') ||
        f.startsWith('/main/') ||
        /\.test\.|\.map$|\/test-support|\/kit\//.test(f) ||
        f === '/dist/main/web.js' ||
        f.startsWith('/dist/main/cli'),
    );
    assert.deepEqual(bad, []);
    const dev = Object.keys(pkg.devDependencies).filter((name) =>
      files.has(`/node_modules/${name}`),
    );
    assert.deepEqual(dev, [], 'no devDependency is packaged');
  });

  test('the executable carries the fuses of electron-builder.yml', async () => {
    const exe = await readFile(`${unpacked}/sifport-desktop`);
    const at = exe.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    assert.ok(at > FUSE_SENTINEL.length, 'the fuse wire is there');
    const wire = exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('latin1');
    // RunAsNode, CookieEncryption, NODE_OPTIONS, inspect args, asar integrity, only asar, …
    assert.equal(wire.slice(0, 6), '010011');
  });
});

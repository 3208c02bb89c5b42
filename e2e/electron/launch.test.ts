import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const require = createRequire(import.meta.url);

/** Path of the Electron binary when its installer could fetch it, else why not. */
function electronBinary(): { path?: string; reason?: string } {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'no Electron binary: its installer downloads it from outside the npm registry, which this machine cannot reach',
    };
  }
  const path = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { reason: `Electron binary missing at ${path}` };
}

const binary = electronBinary();

test('the desktop app starts and shows its window', { skip: binary.reason ?? false }, async () => {
  const { _electron } = await import('playwright-core');
  const app = await _electron.launch({
    executablePath: binary.path!,
    args: [new URL('../../dist/main/index.js', import.meta.url).pathname],
  });
  try {
    const window = await app.firstWindow();
    assert.equal(await window.title(), 'Sifport');
  } finally {
    await app.close();
  }
});

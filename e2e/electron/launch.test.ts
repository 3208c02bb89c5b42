import assert from 'node:assert/strict';
import { test } from 'node:test';
import { electronBinary } from '../../scripts/electron-binary.js';

const binary = electronBinary();
const skip = 'reason' in binary ? binary.reason : false;

test('the desktop app starts and renders its window without a page error', { skip }, async () => {
  const { _electron } = await import('playwright-core');
  const app = await _electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [new URL('../../dist/main/index.js', import.meta.url).pathname],
  });
  try {
    const window = await app.firstWindow();
    const errors: string[] = [];
    window.on('pageerror', (err) => errors.push(err.message));
    assert.equal(await window.title(), 'Sifport');
    await window.waitForSelector('#root > *');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfigDir, resolveConfigDir } from './config-dir.js';

test('the default config dir follows each platform', () => {
  assert.equal(defaultConfigDir({}, 'linux', '/home/u'), '/home/u/.config/sifport');
  assert.equal(defaultConfigDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u'), '/x/sifport');
  assert.equal(
    defaultConfigDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u'),
    '/home/u/.config/sifport',
  );
  assert.equal(
    defaultConfigDir({}, 'darwin', '/Users/u'),
    '/Users/u/Library/Application Support/sifport',
  );
  assert.equal(
    defaultConfigDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'),
    'C:\\Users\\u\\AppData\\Roaming\\sifport',
  );
});

test('--config-dir beats $SIFPORT_CONFIG_DIR, and both are made absolute', () => {
  const env = { SIFPORT_CONFIG_DIR: 'from-env', HOME: '/home/u' };
  assert.equal(resolveConfigDir('flag', env, '/cwd'), '/cwd/flag');
  assert.equal(resolveConfigDir(undefined, env, '/cwd'), '/cwd/from-env');
  assert.equal(resolveConfigDir(undefined, { HOME: '/home/u' }, '/cwd').endsWith('sifport'), true);
});

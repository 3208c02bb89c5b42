import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  mergeConnectionSettings,
  type ConnectionOverrides,
  type ConnectionSettings,
  type SavedConnection,
} from './connection-settings.js';

const CASES: ReadonlyArray<
  [string, SavedConnection | undefined, ConnectionOverrides | undefined, ConnectionSettings]
> = [
  [
    'nothing saved, nothing given',
    undefined,
    undefined,
    { caFile: undefined, insecure: false, plainHttp: false },
  ],
  [
    'saved settings apply',
    { caFile: '/ca.pem', insecure: true, plainHttp: true },
    {},
    { caFile: '/ca.pem', insecure: true, plainHttp: true },
  ],
  [
    'a given CA file replaces the saved one',
    { caFile: '/saved.pem' },
    { caFile: '/flag.pem' },
    { caFile: '/flag.pem', insecure: false, plainHttp: false },
  ],
  [
    'switches given turn settings on',
    {},
    { insecure: true, plainHttp: true },
    { caFile: undefined, insecure: true, plainHttp: true },
  ],
  [
    'a switch left off keeps the saved one on',
    { insecure: true, plainHttp: true },
    { insecure: false, plainHttp: false },
    { caFile: undefined, insecure: true, plainHttp: true },
  ],
  [
    'undefined fields keep what was saved',
    { caFile: '/ca.pem', insecure: true },
    { caFile: undefined, insecure: undefined },
    { caFile: '/ca.pem', insecure: true, plainHttp: false },
  ],
  [
    'overrides without a saved account',
    undefined,
    { caFile: '/ca.pem', plainHttp: true },
    { caFile: '/ca.pem', insecure: false, plainHttp: true },
  ],
];

test('flags and request fields over saved connection settings', () => {
  for (const [name, saved, overrides, expected] of CASES) {
    assert.deepEqual(mergeConnectionSettings(saved, overrides), expected, name);
  }
});

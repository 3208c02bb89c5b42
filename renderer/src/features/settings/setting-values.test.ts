import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  concurrencyOptions,
  folderPathProblem,
  historyOptions,
  pullConnectionOptions,
} from './setting-values.js';

test('the default pull folder must be empty or a full path', () => {
  for (const ok of ['', '  ', '/home/ada/images', 'C:\\Users\\ada', 'D:/sif', '\\\\nas\\share']) {
    assert.equal(folderPathProblem(ok), undefined, ok);
  }
  assert.match(folderPathProblem('images') ?? '', /full path/);
  assert.match(folderPathProblem('./images') ?? '', /full path/);
  assert.match(folderPathProblem('~/images') ?? '', /not expanded/);
});

test('concurrency runs 1 to 6 with 2 marked as the default', () => {
  const options = concurrencyOptions();
  assert.deepEqual(
    options.map((o) => o.value),
    ['1', '2', '3', '4', '5', '6'],
  );
  assert.equal(options[1]!.label, '2 (default)');
});

test('history sizes include a value set elsewhere, in order', () => {
  assert.equal(historyOptions(500).length, 7);
  assert.equal(
    historyOptions(500).find((o) => o.value === '500')!.label,
    '500 transfers (default)',
  );
  const odd = historyOptions(777).map((o) => Number(o.value));
  assert.ok(odd.includes(777));
  assert.deepEqual(
    odd,
    [...odd].sort((a, b) => a - b),
  );
});

test('pull connections: automatic is the default, 1 says one stream, a value set elsewhere is offered', () => {
  assert.deepEqual(
    pullConnectionOptions(0).map((o) => o.label),
    ['Automatic (default): 4, or 1 on this machine', '1 (one stream)', '2', '4', '8', '16'],
  );
  assert.deepEqual(
    pullConnectionOptions(3).map((o) => o.value),
    ['0', '1', '2', '3', '4', '8', '16'],
  );
});

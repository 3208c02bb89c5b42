import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filterRows, parseFilter } from './filter-rows.js';

const TAGS = ['v2.0', 'v2.1-rc1', 'v20', 'latest', 'V2.x', 'build-99', 'build-990'];
const run = (text: string) => filterRows(TAGS, (t) => t, parseFilter(text));

describe('parseFilter / filterRows', () => {
  test('blank keeps everything', () => {
    assert.equal(parseFilter('  ').kind, 'all');
    assert.equal(run('').length, TAGS.length);
  });

  test('plain text is a case-insensitive substring', () => {
    assert.equal(parseFilter('rc').kind, 'substring');
    assert.deepEqual(run('RC'), ['v2.1-rc1']);
    assert.deepEqual(run('2.'), ['v2.0', 'v2.1-rc1', 'V2.x']);
  });

  test('a glob matches the whole tag, dots are literal', () => {
    assert.equal(parseFilter('v2.*').kind, 'glob');
    assert.deepEqual(run('v2.*'), ['v2.0', 'v2.1-rc1', 'V2.x']);
    assert.deepEqual(run('build-99?'), ['build-990']);
    assert.deepEqual(run('build-9*'), ['build-99', 'build-990']);
    assert.deepEqual(run('lat*t'), ['latest']);
  });

  test('/regex/ with flags', () => {
    assert.equal(parseFilter('/^v2\\.\\d$/').kind, 'regex');
    assert.deepEqual(run('/^v2\\.\\d$/'), ['v2.0']);
    assert.deepEqual(run('/^v2/i'), ['v2.0', 'v2.1-rc1', 'v20', 'V2.x']);
    assert.deepEqual(run('/^v2/'), ['v2.0', 'v2.1-rc1', 'v20']);
  });

  test('the global flag does not make test() skip matches', () => {
    assert.deepEqual(run('/v/g'), ['v2.0', 'v2.1-rc1', 'v20']);
  });

  test('an invalid regex says so and keeps nothing', () => {
    const filter = parseFilter('/v2(/');
    assert.equal(filter.kind, 'invalid');
    assert.match(
      filter.kind === 'invalid' ? filter.message : '',
      /^Not a valid regular expression/,
    );
    assert.deepEqual(run('/v2(/'), []);
  });

  test('a lone slash is text', () => {
    assert.equal(parseFilter('/').kind, 'substring');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NO_TYPEAHEAD, TYPEAHEAD_RESET_MS, typeaheadMatch, typeaheadPrefix } from './typeahead.js';

const LABELS = ['alpha', 'bwa', 'bwa-mem', 'Beta', 'samtools'];
const label = (i: number) => LABELS[i]!;

describe('typeahead', () => {
  test('the prefix grows while keys come quickly and restarts after a pause', () => {
    let s = typeaheadPrefix(NO_TYPEAHEAD, 'B', 1000);
    s = typeaheadPrefix(s, 'w', 1000 + TYPEAHEAD_RESET_MS - 1);
    assert.equal(s.prefix, 'bw');
    s = typeaheadPrefix(s, 's', s.at + TYPEAHEAD_RESET_MS + 1);
    assert.equal(s.prefix, 's');
  });

  test('one letter moves to the next row starting with it, wrapping around', () => {
    assert.equal(typeaheadMatch(label, LABELS.length, 0, 'b'), 1);
    assert.equal(typeaheadMatch(label, LABELS.length, 1, 'b'), 2);
    assert.equal(typeaheadMatch(label, LABELS.length, 3, 'b'), 1);
    assert.equal(typeaheadMatch(label, LABELS.length, -1, 'a'), 0);
  });

  test('a longer prefix stays on the focused row when it matches, ignoring case', () => {
    assert.equal(typeaheadMatch(label, LABELS.length, 1, 'bwa'), 1);
    assert.equal(typeaheadMatch(label, LABELS.length, 1, 'bwa-'), 2);
    assert.equal(typeaheadMatch(label, LABELS.length, 0, 'be'), 3);
  });

  test('no match, no rows, or nothing typed: undefined', () => {
    assert.equal(typeaheadMatch(label, LABELS.length, 0, 'z'), undefined);
    assert.equal(typeaheadMatch(label, 0, 0, 'a'), undefined);
    assert.equal(typeaheadMatch(label, LABELS.length, 0, ''), undefined);
  });
});

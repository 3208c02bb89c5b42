import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SifportError } from '../engine/errors.js';
import { Output, printable } from './output.js';

function capture(json = false) {
  const out: string[] = [];
  const err: string[] = [];
  const output = new Output(
    { write: (t: string) => out.push(t) },
    { write: (t: string) => err.push(t) },
    json,
  );
  return { output, out, err };
}

describe('printable: remote text made safe for a terminal', () => {
  it('leaves ordinary text, Unicode included, alone', () => {
    for (const text of ['v1.2-rc_3', 'image.sif', 'Grüße, 画像 🙂', 'a\\nb']) {
      assert.equal(printable(text), text);
    }
  });

  it('escapes newlines, escape sequences, NUL, DEL and C1 controls', () => {
    assert.equal(printable('a\nb'), 'a\\nb');
    assert.equal(printable('x\r\ty'), 'x\\r\\ty');
    assert.equal(printable('\x1b[31mred\x1b[0m'), '\\x1b[31mred\\x1b[0m');
    assert.equal(printable('\x1b]0;title\x07'), '\\x1b]0;title\\x07');
    assert.equal(printable('n\0l\x7f\u009b'), 'n\\x00l\\x7f\\x9b');
  });

  it('escapes invisible reordering and line-separator characters', () => {
    assert.equal(printable('abc\u202Efed.sif'), 'abc\\u{202e}fed.sif');
    assert.equal(printable('a\u2028b'), 'a\\u{2028}b');
  });

  it('keeps newlines and tabs in multi-line text, nothing else', () => {
    assert.equal(printable('line 1\n\tline 2\r\n\x1b[2J', true), 'line 1\n\tline 2\r\n\\x1b[2J');
    assert.equal(printable('over\rwrite', true), 'over\\rwrite');
  });
});

describe('Output escapes whatever it prints', () => {
  it('a line stays one line', () => {
    const { output, out } = capture();
    for (const tag of ['v1', 'a\nb', '\x1b[2Jc']) output.line(tag);
    assert.deepEqual(out.join('').split('\n').slice(0, -1), ['v1', 'a\\nb', '\\x1b[2Jc']);
  });

  it('free text keeps its lines but loses escape sequences', () => {
    const { output, out } = capture();
    output.text('Bootstrap: docker\n\x1b]0;owned\x07From: alpine\n');
    assert.equal(out.join(''), 'Bootstrap: docker\n\\x1b]0;owned\\x07From: alpine\n');
  });

  it('errors and warnings are one escaped line on stderr', () => {
    const { output, err } = capture();
    output.error(new SifportError('NOT_FOUND', 'tag \x1b[8mhidden\x1b[0m is gone'));
    output.warn('bad\u009bname');
    assert.deepEqual(err, [
      'sifport: tag \\x1b[8mhidden\\x1b[0m is gone\n',
      'sifport: warning: bad\\x9bname\n',
    ]);
  });

  it('JSON stays valid and carries no raw control or C1 character', () => {
    const { output, out } = capture(true);
    const tags = ['a\nb', 'c\u009b[2J', 'd\u2028e', 'e\x7f'];
    output.result({ tags });
    const text = out.join('');
    assert.deepEqual(JSON.parse(text), { tags });
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text.trimEnd(), /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('a note is one `sifport: …` line on stderr, in JSON mode too', () => {
    const { output, out, err } = capture(true);
    output.note('Waiting for another pull of /x/a\nb.sif (pid 7).');
    assert.deepEqual(out, []);
    assert.deepEqual(err, ['sifport: Waiting for another pull of /x/a\\nb.sif (pid 7).\n']);
  });
});

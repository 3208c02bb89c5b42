import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeDeffile, tokenizeDeffileLine } from './deffile-lines.js';

const DEF = `Bootstrap: docker
From: ubuntu:22.04

# build it
%post
    apt-get install -y bwa
    echo "Key: value" > \${APPTAINER_ROOTFS}/x

%runscript
    exec bwa "$@" $HOME
%apprun align
    bwa mem
`;

test('header keywords before the first section, sections, comments and variables', () => {
  const lines = tokenizeDeffile(DEF);
  assert.equal(lines.length, 12);
  assert.deepEqual(lines[0]?.tokens, [
    { kind: 'keyword', text: 'Bootstrap:' },
    { kind: 'text', text: ' docker' },
  ]);
  assert.deepEqual(lines[3]?.tokens, [{ kind: 'comment', text: '# build it' }]);
  assert.deepEqual(lines[4]?.tokens, [{ kind: 'section', text: '%post' }]);
  // Inside a section "Key:" is shell, not a header keyword.
  const echo = lines[6]?.tokens ?? [];
  assert.equal(
    echo.some((t) => t.kind === 'keyword'),
    false,
  );
  assert.deepEqual(
    echo.filter((t) => t.kind === 'variable').map((t) => t.text),
    ['${APPTAINER_ROOTFS}'],
  );
  assert.deepEqual(
    lines[9]?.tokens.filter((t) => t.kind === 'variable').map((t) => t.text),
    ['$HOME'],
  );
  assert.deepEqual(lines[10]?.tokens, [
    { kind: 'section', text: '%apprun' },
    { kind: 'text', text: ' align' },
  ]);
  assert.equal(lines[0]?.n, 1);
  assert.equal(lines.at(-1)?.n, 12);
});

test('the pieces of a line join back into the line', () => {
  for (const line of DEF.split('\n')) {
    const joined = tokenizeDeffileLine(line, true)
      .map((t) => t.text)
      .join('');
    assert.equal(joined, line);
  }
});

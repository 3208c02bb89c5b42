import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasSwitch, parseArgs, splitCommand, type FlagSpec } from './args.js';

const specs: readonly FlagSpec[] = [
  { name: 'username', short: 'u', value: 'USER', help: '' },
  { name: 'password-stdin', help: '' },
  { name: 'ca-file', value: 'FILE', help: '' },
  { name: 'json', help: '' },
];

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.equal((err as { code?: string }).code, 'USAGE');
    return (err as Error).message;
  }
  assert.fail('expected a usage error');
}

test('options may come anywhere, in every spelling', () => {
  const args = parseArgs(
    ['reg', '-u', 'me', '--password-stdin', '--ca-file=/x.pem', 'second', '--json'],
    specs,
  );
  assert.deepEqual(args.flags, {
    username: 'me',
    'password-stdin': true,
    'ca-file': '/x.pem',
    json: true,
  });
  assert.deepEqual(args.positionals, ['reg', 'second']);
  assert.deepEqual(parseArgs(['--username', 'a', '--username', 'b'], specs).flags, {
    username: 'b',
  });
});

test('-- ends the options and a lone - is an argument', () => {
  const args = parseArgs(['-', '--', '--json', '-u'], specs);
  assert.deepEqual(args.positionals, ['-', '--json', '-u']);
  assert.deepEqual(args.flags, {});
});

test('unknown options, missing values and values on switches are usage errors', () => {
  assert.match(
    usageMessage(() => parseArgs(['--nope'], specs)),
    /unknown option --nope/,
  );
  assert.match(
    usageMessage(() => parseArgs(['-x'], specs)),
    /unknown option -x/,
  );
  assert.match(
    usageMessage(() => parseArgs(['-u'], specs)),
    /-u needs a value \(USER\)/,
  );
  assert.match(
    usageMessage(() => parseArgs(['--ca-file='], specs)),
    /needs a value/,
  );
  assert.match(
    usageMessage(() => parseArgs(['--json=yes'], specs)),
    /--json takes no value/,
  );
});

test('a following option is not taken as a value', () => {
  assert.match(
    usageMessage(() => parseArgs(['-u', '--password-stdin'], specs)),
    /-u needs a value/,
  );
  assert.deepEqual(parseArgs(['--username=-dash'], specs).flags, { username: '-dash' });
  assert.deepEqual(parseArgs(['-u', '-'], specs).flags, { username: '-' });
});

test('a negative number is a value, so the option that reads it can say what is wrong', () => {
  const withGroup = [...specs, { name: 'group', value: 'N', help: '' }];
  assert.deepEqual(parseArgs(['--group', '-1', 'x.sif'], withGroup), {
    flags: { group: '-1' },
    positionals: ['x.sif'],
  });
  assert.deepEqual(parseArgs(['-u', '-2.5'], specs).flags, { username: '-2.5' });
  assert.deepEqual(splitCommand(['--ca-file', '-1', 'tags'], specs).command, 'tags');
  assert.match(
    usageMessage(() => parseArgs(['-u', '-x1'], specs)),
    /-u needs a value/,
  );
});

test('splitCommand finds the command after global options and their values', () => {
  assert.deepEqual(splitCommand(['--ca-file', 'tags', 'tags', 'x'], specs), {
    command: 'tags',
    rest: ['--ca-file', 'tags', 'x'],
  });
  assert.deepEqual(splitCommand(['--json', 'push', 'a', 'b'], specs), {
    command: 'push',
    rest: ['--json', 'a', 'b'],
  });
  assert.deepEqual(splitCommand(['--ca-file=x', 'repos'], specs), {
    command: 'repos',
    rest: ['--ca-file=x'],
  });
  assert.deepEqual(splitCommand(['--json'], specs), { command: undefined, rest: ['--json'] });
});

test('hasSwitch ignores everything after --', () => {
  assert.equal(hasSwitch(['a', '--json'], '--json'), true);
  assert.equal(hasSwitch(['a', '--', '--json'], '--json'), false);
  assert.equal(hasSwitch(['-h'], '--help', '-h'), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem } from '../../store/domain.js';
import { paletteSections, type PaletteSource } from './palette-items.js';

const lab = { id: 'a1', registry: 'ghcr.io', username: 'ada', provider: 'ghcr' } as AccountItem;

const source: PaletteSource = {
  accounts: [lab],
  pinned: { a1: ['lab/bwa'] },
  recent: { a1: ['lab/samtools', 'lab/bwa'], gone: ['x/y'] },
  references: ['oras://ghcr.io/lab/bwa:0.7.18'],
  commands: [
    { id: 'push', label: 'Push a SIF…', keys: 'Mod+O' },
    { id: 'toggle-sidebar', label: 'Show or hide the sidebar', keys: 'Mod+B' },
  ],
  settingsSections: [{ id: 'network', label: 'Network', keywords: 'proxy certificates' }],
};

const ids = (query: string) =>
  paletteSections(query, source).map((s) => [s.id, s.items.map((i) => i.id)] as const);

test('before anything is typed: accounts, pinned then recent repositories, screens, actions, history', () => {
  assert.deepEqual(ids(''), [
    [
      'go-to',
      [
        'account:a1',
        'repo:a1:lab/bwa',
        'repo:a1:lab/samtools',
        'screen:home',
        'screen:keys',
        'screen:settings',
        'screen:transfers',
      ],
    ],
    ['actions', ['command:push', 'command:toggle-sidebar']],
    ['references', ['recent:oras://ghcr.io/lab/bwa:0.7.18']],
  ]);
  const push = paletteSections('', source)[1]!.items[0]!;
  assert.equal(push.keys, 'Mod+O');
});

test('every typed word must match; label prefixes rank first; keywords find settings sections', () => {
  assert.deepEqual(ids('side'), [['actions', ['command:toggle-sidebar']]]);
  assert.deepEqual(ids('proxy'), [['go-to', ['screen:settings:network']]]);
  assert.deepEqual(ids('bwa ada'), [['go-to', ['repo:a1:lab/bwa']]]);
  assert.equal(paletteSections('sett', source)[0]!.items[0]!.id, 'screen:settings');
  assert.deepEqual(ids('nothing like this'), []);
});

test('a typed reference offers Open with the account of its host, Pull and Copy to', () => {
  const [section, ...rest] = paletteSections('oras://ghcr.io/lab/bwa:0.7.18', source);
  assert.equal(rest.length, 0);
  assert.equal(section!.title, 'oras://ghcr.io/lab/bwa:0.7.18');
  assert.deepEqual(
    section!.items.map((i) => [i.label, i.action]),
    [
      [
        'Open lab/bwa',
        {
          kind: 'open-repository',
          target: { accountId: 'a1', registry: 'ghcr.io', repository: 'lab/bwa' },
        },
      ],
      [
        'Pull lab/bwa:0.7.18…',
        { kind: 'dialog', dialog: { kind: 'pull', references: ['oras://ghcr.io/lab/bwa:0.7.18'] } },
      ],
      [
        'Copy lab/bwa:0.7.18 to…',
        { kind: 'dialog', dialog: { kind: 'copy', references: ['oras://ghcr.io/lab/bwa:0.7.18'] } },
      ],
    ],
  );
});

test('a reference on a host without an account offers to add one, and says the tag it assumes', () => {
  const [section] = paletteSections('quay.io/org/tool', source);
  assert.deepEqual(section!.items[0]!.action, {
    kind: 'dialog',
    dialog: { kind: 'add-account', input: 'oras://quay.io/org/tool' },
  });
  assert.equal(section!.items[0]!.label, 'Add an account for quay.io…');
  assert.equal(section!.items[1]!.label, 'Pull org/tool:latest…');
});

test('a recent reference fills the search field instead of running anything', () => {
  const history = paletteSections('0.7.18', source).find((s) => s.id === 'references')!;
  assert.deepEqual(history.items[0]!.action, {
    kind: 'fill',
    query: 'oras://ghcr.io/lab/bwa:0.7.18',
  });
});

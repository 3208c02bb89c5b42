import assert from 'node:assert/strict';
import { test } from 'node:test';

import { authorize, formatScope, parseScope } from './token-scopes.js';

test('parseScope splits on the first and last colon so host:port names survive', () => {
  assert.deepEqual(parseScope('repository:127.0.0.1:5000/a/b:pull,push'), {
    type: 'repository',
    name: '127.0.0.1:5000/a/b',
    actions: ['pull', 'push'],
  });
  assert.deepEqual(parseScope('repository(plugin):x:pull'), {
    type: 'repository',
    name: 'x',
    actions: ['pull'],
  });
  assert.equal(parseScope('nonsense'), undefined);
  assert.equal(parseScope('repository::pull'), undefined);
});

test('formatScope is the inverse of parseScope', () => {
  const scope = 'registry:catalog:*';
  const parsed = parseScope(scope);
  assert.ok(parsed);
  assert.equal(formatScope(parsed), scope);
});

test('authorize grants the intersection, never an error', () => {
  const grants = [
    { type: 'repository', name: 'public/*', actions: ['pull'] },
    { type: 'registry', name: 'catalog', actions: ['*'] },
  ];
  const access = authorize(
    [
      { type: 'repository', name: 'public/a', actions: ['pull', 'push'] },
      { type: 'repository', name: 'private/a', actions: ['pull'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ],
    grants,
  );
  assert.deepEqual(access, [
    { type: 'repository', name: 'public/a', actions: ['pull'] },
    { type: 'repository', name: 'private/a', actions: [] },
    { type: 'registry', name: 'catalog', actions: ['*'] },
  ]);
});

test('authorize merges scopes naming the same repository (containerd sends both)', () => {
  const grants = [{ type: 'repository', name: '*', actions: ['pull', 'push'] }];
  const access = authorize(
    [
      { type: 'repository', name: 'x', actions: ['pull'] },
      { type: 'repository', name: 'x', actions: ['pull', 'push'] },
    ],
    grants,
  );
  assert.deepEqual(access, [{ type: 'repository', name: 'x', actions: ['pull', 'push'] }]);
});

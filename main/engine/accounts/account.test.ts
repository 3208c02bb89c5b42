import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inNamespace, normalizeNamespace, pickAccount, type Account } from './account.js';

function account(id: string, registry: string, namespace?: string, createdAt = 1): Account {
  return {
    id,
    provider: 'generic',
    registry,
    namespace,
    username: id,
    secretKind: 'password',
    source: 'sifport',
    createdAt,
  };
}

const ACCOUNTS = [
  account('host', 'r.example'),
  account('team', 'r.example', 'team'),
  account('team-app', 'r.example', '/team/app/'),
  account('other-host', 'o.example', 'team'),
];

test('pickAccount takes the longest namespace prefix, else the host-wide account', () => {
  assert.equal(pickAccount(ACCOUNTS, 'r.example', 'team/app/x')?.id, 'team-app');
  assert.equal(pickAccount(ACCOUNTS, 'r.example', 'team/app')?.id, 'team-app');
  assert.equal(pickAccount(ACCOUNTS, 'r.example', 'team/lib')?.id, 'team');
  assert.equal(pickAccount(ACCOUNTS, 'r.example', 'teams/x')?.id, 'host', 'segment prefix only');
  assert.equal(pickAccount(ACCOUNTS, 'r.example')?.id, 'host', 'no repository: host-wide');
  assert.equal(pickAccount(ACCOUNTS, 'o.example', 'elsewhere'), undefined);
  assert.equal(pickAccount(ACCOUNTS, 'o.example', 'team/x')?.id, 'other-host');
  assert.equal(pickAccount(ACCOUNTS, 'none.example', 'team/x'), undefined);
});

test("among equally specific accounts Sifport's own win, then the newest", () => {
  const imported = { ...account('imported', 'h', 'ns', 9), source: 'docker-config' as const };
  assert.equal(pickAccount([account('own', 'h', 'ns', 1), imported], 'h', 'ns/x')?.id, 'own');
  assert.equal(pickAccount([imported], 'h', 'ns/x')?.id, 'imported');
  const both = [
    account('old', 'h', 'ns', 1),
    account('new', 'h', 'ns', 2),
    account('mid', 'h', 'ns', 1),
  ];
  assert.equal(pickAccount(both, 'h', 'ns/x')?.id, 'new');
});

test('namespaces are normalised path prefixes', () => {
  assert.equal(normalizeNamespace(' /a/b/ '), 'a/b');
  assert.equal(normalizeNamespace('/'), undefined);
  assert.equal(inNamespace('a/b/c', 'a/b'), true);
  assert.equal(inNamespace('a/bc', 'a/b'), false);
  assert.equal(inNamespace('anything', undefined), true);
});

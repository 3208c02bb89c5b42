import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountItem, ProviderItem } from '../../store/domain.js';
import { checkTarget, firstProblem } from './target-check.js';
import { repositoryOptions } from './repository-options.js';
import {
  accountName,
  nextFreeTag,
  orderAccounts,
  registriesOf,
  repositoryProblem,
  tagProblem,
  targetReference,
} from './target-rules.js';

const account = (id: string, registry: string, extra: Partial<AccountItem> = {}): AccountItem => ({
  id,
  provider: 'generic',
  registry,
  username: 'alice',
  secretKind: 'password',
  source: 'sifport',
  createdAt: 0,
  ...extra,
});

test('tags follow the distribution grammar', () => {
  assert.equal(tagProblem('0.7.18'), undefined);
  assert.equal(tagProblem('_x-Y.1'), undefined);
  assert.equal(tagProblem('a'.repeat(128)), undefined);
  assert.match(tagProblem('')!, /Give a tag/);
  assert.match(tagProblem('.hidden')!, /starts with/);
  assert.match(tagProblem('a b')!, /only letters/);
  assert.match(tagProblem('a'.repeat(129))!, /128/);
});

test('repositories are lower-case paths of components', () => {
  assert.equal(repositoryProblem('genomics/bwa'), undefined);
  assert.equal(repositoryProblem('a/b-c/d__e.f'), undefined);
  assert.match(repositoryProblem('Genomics')!, /lower case/);
  assert.match(repositoryProblem('a//b')!, /separated/);
  assert.match(repositoryProblem('-a')!, /separated/);
  assert.match(repositoryProblem('')!, /Give a repository/);
});

test('push-capable accounts first, then the recently used, else in listed order', () => {
  const a = account('a', 'one.example');
  const b = account('b', 'two.example');
  const c = account('c', 'three.example', {
    capabilities: {
      checkedAt: 0,
      authScheme: 'basic',
      pull: true,
      catalog: true,
      referrers: 'unknown',
      chunkedUpload: false,
      tagDelete: true,
    },
  });
  const d = account('d', 'four.example');
  assert.deepEqual(
    orderAccounts([c, a, b, d], ['four.example', 'three.example']).map((x) => x.id),
    ['d', 'a', 'b', 'c'],
  );
  assert.equal(accountName(account('x', 'ghcr.io', { namespace: 'lab' })), 'alice @ ghcr.io/lab');
});

test('registries of references, newest first and once each', () => {
  assert.deepEqual(
    registriesOf(['oras://a:5000/x:1', 'oras://b/y:2', 'oras://a:5000/z:3', 'nonsense']),
    ['a:5000', 'b'],
  );
});

test('the next free tag counts up from -2', () => {
  assert.equal(nextFreeTag('0.7.18'), '0.7.18-2');
  assert.equal(nextFreeTag('0.7.18', ['0.7.18-2']), '0.7.18-3');
  assert.equal(nextFreeTag('0.7.18-2', ['0.7.18-2']), '0.7.18-3');
});

test('a target names each problem; ECR repositories must be in its catalog', () => {
  const ecr = account('e', '1.dkr.ecr.eu-west-1.amazonaws.com', { provider: 'ecr' });
  const providers = [
    { id: 'ecr', name: 'AWS ECR', quirks: { repositoryMustExist: true, notes: [] } },
  ] as unknown as ProviderItem[];
  const context = {
    accounts: [ecr],
    providers,
    lists: { e: { status: 'done' as const, repositories: ['genomics/bwa'] } },
  };
  assert.deepEqual(
    checkTarget({ accountId: 'e', repository: 'genomics/bwa', tag: '1' }, context),
    {},
  );
  const missing = checkTarget({ accountId: 'e', repository: 'new/one', tag: '1' }, context);
  assert.match(missing.repository!, /AWS ECR does not create repositories on push/);
  const unlisted = checkTarget(
    { accountId: 'e', repository: 'new/one', tag: '1' },
    { ...context, lists: { e: { status: 'failed', repositories: [] } } },
  );
  assert.equal(unlisted.repository, undefined, 'an unreadable catalog proves nothing');
  assert.match(
    firstProblem(checkTarget({ accountId: '', repository: '', tag: '' }, context))!,
    /Choose the account/,
  );
  assert.equal(
    targetReference([ecr], { accountId: 'e', repository: 'r', tag: 't' }),
    'oras://1.dkr.ecr.eu-west-1.amazonaws.com/r:t',
  );
});

test('suggested repositories: pinned, then recent, then the catalog, each once', () => {
  assert.deepEqual(repositoryOptions(['p'], ['r', 'p'], ['c', 'r']), [
    { value: 'p', detail: 'pinned' },
    { value: 'r', detail: 'recent' },
    { value: 'c' },
  ]);
});

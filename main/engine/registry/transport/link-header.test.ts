import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextPageUrl, parseLinkHeader } from './link-header.js';

test('parses the relative link distribution sends', () => {
  const links = parseLinkHeader('</v2/_catalog?last=testbed%2Fbasic-mount&n=1>; rel="next"');
  assert.deepEqual(links, [
    {
      target: '/v2/_catalog?last=testbed%2Fbasic-mount&n=1',
      rels: ['next'],
      params: { rel: 'next' },
    },
  ]);
});

test('parses several links, token and quoted values, odd spacing and case', () => {
  const links = parseLinkHeader(
    '<https://r.example/v2/a/tags/list?n=2&last=b>;REL=prev , ' +
      '</v2/a/tags/list?n=2&last=d,e;f>;  title="a, \\"quoted\\"; title" ; rel="Next Last"',
  );
  assert.equal(links.length, 2);
  assert.deepEqual(links[0]!.rels, ['prev']);
  assert.equal(links[1]!.target, '/v2/a/tags/list?n=2&last=d,e;f');
  assert.deepEqual(links[1]!.rels, ['next', 'last']);
  assert.equal(links[1]!.params['title'], 'a, "quoted"; title');
});

test('skips malformed links and keeps the first of a repeated parameter', () => {
  const links = parseLinkHeader('garbage; rel=next, <b>; rel=next; rel=prev, <c');
  assert.deepEqual(
    links.map((l) => [l.target, l.rels]),
    [['b', ['next']]],
  );
  assert.deepEqual(parseLinkHeader(''), []);
  assert.deepEqual(parseLinkHeader('<a>'), [{ target: 'a', rels: [], params: {} }]);
});

test('nextPageUrl resolves against the request URL and reads repeated headers', () => {
  const request = new URL('http://127.0.0.1:5000/v2/x/tags/list?n=2');
  assert.equal(
    nextPageUrl({ link: '</v2/x/tags/list?n=2&last=b>; rel="next"' }, request)?.href,
    'http://127.0.0.1:5000/v2/x/tags/list?n=2&last=b',
  );
  assert.equal(
    nextPageUrl({ link: '<list?last=c>; rel=next' }, request)?.href,
    'http://127.0.0.1:5000/v2/x/tags/list?last=c',
  );
  const repeated = { link: ['<p>; rel="prev"', '<https://h.example/n>; rel="next"'] };
  assert.equal(nextPageUrl(repeated, request)?.href, 'https://h.example/n');
  assert.equal(nextPageUrl({ link: '<p>; rel="prev"' }, request), undefined);
  assert.equal(nextPageUrl({}, request), undefined);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyMode, copyRequests, describeCopyMode } from './copy-plan.js';

const FROM = 'oras://reg-a.example:5000/genomics/bwa:0.7.18';

test('the mode follows the target: same repository, same registry, or another', () => {
  assert.equal(copyMode(FROM, 'reg-a.example:5000', 'genomics/bwa'), 'retag');
  assert.equal(copyMode(FROM, 'REG-A.example:5000', 'lab/bwa'), 'mount');
  assert.equal(copyMode(FROM, 'reg-b.example:5001', 'genomics/bwa'), 'stream');
  assert.equal(
    describeCopyMode('stream', '3.42 GiB', 'reg-b').title,
    'Streams 3.42 GiB through this machine',
  );
  assert.equal(describeCopyMode('mount', '3.42 GiB', 'reg-a').title, 'Server-side mount');
});

test('one image takes the tag chosen; several keep their own', () => {
  const target = { registry: 'reg-b.example', repository: 'lab/bwa', tag: 'stable' };
  assert.deepEqual(copyRequests([FROM], target), [
    { from: FROM, to: 'oras://reg-b.example/lab/bwa:stable' },
  ]);
  const other = 'oras://reg-a.example:5000/genomics/bwa:latest';
  assert.deepEqual(
    copyRequests([FROM, other], target).map((r) => r.to),
    ['oras://reg-b.example/lab/bwa:0.7.18', 'oras://reg-b.example/lab/bwa:latest'],
  );
});

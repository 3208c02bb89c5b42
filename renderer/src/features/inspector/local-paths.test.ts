import assert from 'node:assert/strict';
import { test } from 'node:test';
import { folderOf, joinPath, signedCopyPath } from './local-paths.js';

test('folders of POSIX and Windows paths', () => {
  assert.equal(folderOf('/data/x.sif'), '/data/');
  assert.equal(folderOf('x.sif'), '');
});

test('a signed copy goes beside the file', () => {
  assert.equal(signedCopyPath('/data/bwa_0.7.18.sif'), '/data/bwa_0.7.18-signed.sif');
  assert.equal(signedCopyPath('C:\\img\\a.SIF'), 'C:\\img\\a-signed.sif');
  assert.equal(signedCopyPath('/data/noext'), '/data/noext-signed.sif');
});

test('joining keeps the folder separator', () => {
  assert.equal(joinPath('/home/me/sif', 'a.sif'), '/home/me/sif/a.sif');
  assert.equal(joinPath('/home/me/sif/', 'a.sif'), '/home/me/sif/a.sif');
  assert.equal(joinPath('C:\\sif', 'a.sif'), 'C:\\sif\\a.sif');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apptainerPush,
  baseName,
  inNamespace,
  nameParts,
  signedCopyPath,
  versionLabel,
} from './push-names.js';

test('a file name gives the repository and, after _ or -, a version as the tag', () => {
  assert.deepEqual(nameParts('bwa_0.7.18.sif'), { repository: 'bwa', tag: '0.7.18' });
  assert.deepEqual(nameParts('samtools-1.20.sif'), { repository: 'samtools', tag: '1.20' });
  assert.deepEqual(nameParts('my_tool_v2.1.SIF'), { repository: 'my_tool', tag: 'v2.1' });
  assert.deepEqual(nameParts('ubuntu.sif'), { repository: 'ubuntu' });
  assert.deepEqual(nameParts('cuda12-base.sif'), { repository: 'cuda12-base' });
  assert.deepEqual(nameParts('My Image (copy).sif'), { repository: 'my-image-copy' });
  assert.deepEqual(nameParts('___.sif'), { repository: 'image' });
});

test('a version label becomes the tag when it is a valid one', () => {
  assert.equal(versionLabel({ 'org.opencontainers.image.version': '1.2.3' }), '1.2.3');
  assert.equal(versionLabel({ 'org.label-schema.version': 'v9' }), 'v9');
  assert.equal(versionLabel({ 'org.label-schema.schema-version': '1.0' }), undefined);
  assert.equal(versionLabel({ version: 'not a tag' }), undefined);
  assert.equal(versionLabel(), undefined);
});

test('namespaced accounts push under their namespace', () => {
  assert.equal(inNamespace('bwa', 'lab'), 'lab/bwa');
  assert.equal(inNamespace('lab/bwa', 'lab'), 'lab/bwa');
  assert.equal(inNamespace('bwa', undefined), 'bwa');
});

test('the apptainer line quotes names a shell would split', () => {
  assert.equal(apptainerPush('bwa.sif', 'oras://r/b:1'), 'apptainer push bwa.sif oras://r/b:1');
  assert.equal(
    apptainerPush("it's mine.sif", 'oras://r/b:1'),
    `apptainer push 'it'\\''s mine.sif' oras://r/b:1`,
  );
});

test('signed copies sit beside the file, numbered when taken', () => {
  assert.equal(signedCopyPath('/d/bwa.sif'), '/d/bwa.signed.sif');
  assert.equal(signedCopyPath('/d/bwa.sif', 2), '/d/bwa.signed-2.sif');
  assert.equal(signedCopyPath('/d/image'), '/d/image.signed.sif');
  assert.equal(baseName('C:\\x\\y.sif'), 'y.sif');
  assert.equal(baseName('/a/b.sif'), 'b.sif');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from '../../ui/format.js';
import { pullCommands, pullFileNames, pullRequests, spaceVerdict } from './pull-plan.js';

const A = 'oras://127.0.0.1:5000/genomics/bwa:0.7.18';
const B = 'oras://127.0.0.1:5000/genomics/samtools:1.19';

test('one reference takes the edited file name; several take {repo}_{tag}.sif', () => {
  assert.deepEqual(pullFileNames({ references: [A], fileName: 'mine.sif' }), ['mine.sif']);
  assert.deepEqual(pullFileNames({ references: [A, B], fileName: 'ignored.sif' }), [
    'bwa_0.7.18.sif',
    'samtools_1.19.sif',
  ]);
});

test('requests carry the destination, overwrite, verification and platform', () => {
  assert.deepEqual(
    pullRequests({
      references: [A],
      folder: '/data/sif/',
      overwrite: true,
      verify: { fingerprint: 'ABCD' },
      arch: 'arm64',
    }),
    [
      {
        reference: A,
        destination: '/data/sif/bwa_0.7.18.sif',
        force: true,
        verify: { fingerprint: 'ABCD' },
        arch: 'arm64',
      },
    ],
  );
  assert.deepEqual(pullRequests({ references: [A], folder: '/d', overwrite: false }), [
    { reference: A, destination: '/d/bwa_0.7.18.sif' },
  ]);
});

test('the equivalent commands say what the dialog does', () => {
  const { sifport, apptainer } = pullCommands({
    references: [A],
    folder: '/my data',
    overwrite: true,
    verify: {},
  });
  assert.equal(sifport, `sifport pull ${A} '/my data/bwa_0.7.18.sif' --force --verify`);
  assert.equal(apptainer, `apptainer pull --force '/my data/bwa_0.7.18.sif' ${A}`);
});

test('space blocks a pull that does not fit and says so', () => {
  const gib = 1024 ** 3;
  assert.deepEqual(spaceVerdict(3.42 * gib, 120 * gib, formatBytes), {
    text: 'needs 3.42 GiB · 120 GiB free',
    short: false,
  });
  assert.equal(spaceVerdict(3 * gib, gib, formatBytes).short, true);
  assert.match(spaceVerdict(3 * gib, gib, formatBytes).text, /only 1.00 GiB is free/);
  assert.equal(spaceVerdict(1, undefined, formatBytes).short, false);
});

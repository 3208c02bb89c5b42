import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROVIDER_PRESETS } from './provider-presets.js';
import {
  detectProvider,
  ocirUsername,
  pastedNamespace,
  providerById,
  registryHostOf,
} from './providers.js';

const CASES: ReadonlyArray<[string, string, string, Record<string, string>?]> = [
  [
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    'ecr',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    { account: '123456789012', region: 'eu-west-1' },
  ],
  [
    'oras://123456789012.dkr.ecr.us-east-2.amazonaws.com/team/app:1.0',
    'ecr',
    '123456789012.dkr.ecr.us-east-2.amazonaws.com',
    { region: 'us-east-2' },
  ],
  [
    'europe-west1-docker.pkg.dev/my-project/repo/image:tag',
    'gcp',
    'europe-west1-docker.pkg.dev',
    { location: 'europe-west1' },
  ],
  ['eu.gcr.io/proj/img', 'gcp', 'eu.gcr.io'],
  ['myreg.azurecr.io', 'acr', 'myreg.azurecr.io', { name: 'myreg' }],
  ['fra.ocir.io/ns/repo', 'ocir', 'fra.ocir.io', { region: 'fra' }],
  ['us-ashburn-1.ocir.io', 'ocir', 'us-ashburn-1.ocir.io', { region: 'us-ashburn-1' }],
  ['docker.io/library/alpine', 'dockerhub', 'docker.io'],
  ['index.docker.io', 'dockerhub', 'docker.io'],
  ['https://registry-1.docker.io/v2/', 'dockerhub', 'docker.io'],
  ['registry.gitlab.com/group/project/image', 'gitlab', 'registry.gitlab.com'],
  ['ghcr.io/owner/name:latest', 'ghcr', 'ghcr.io'],
  ['QUAY.IO/org/repo', 'quay', 'quay.io'],
  ['demo.goharbor.io/library/x', 'harbor', 'demo.goharbor.io'],
  ['harbor.example.org:8443/proj/x', 'harbor', 'harbor.example.org:8443'],
  ['127.0.0.1:5000/x/y', 'generic', '127.0.0.1:5000'],
  ['registry.example.com', 'generic', 'registry.example.com'],
];

test('detects every preset from a pasted host or full reference', () => {
  for (const [input, id, registry, parts] of CASES) {
    const found = detectProvider(input);
    assert.equal(found.preset.id, id, input);
    assert.equal(found.registry, registry, input);
    if (parts) for (const [k, v] of Object.entries(parts)) assert.equal(found.parts[k], v, input);
  }
  const detected = new Set(CASES.map(([, id]) => id));
  for (const preset of PROVIDER_PRESETS) assert.ok(detected.has(preset.id), `${preset.id} covered`);
});

test('near misses stay generic', () => {
  for (const host of [
    '12345.dkr.ecr.eu-west-1.amazonaws.com',
    'azurecr.io',
    'evil-ghcr.io',
    'ocir.io.example.com',
  ]) {
    assert.equal(detectProvider(host).preset.id, 'generic', host);
  }
});

test('presets carry the conventions of oras.md §6', () => {
  assert.equal(providerById('ecr').username, 'AWS');
  assert.equal(providerById('ecr').tokenCommand!.lifetimeMs, 12 * 3_600_000);
  assert.equal(providerById('acr').username, '00000000-0000-0000-0000-000000000000');
  assert.equal(providerById('acr').tokenCommand!.credential, 'identity-token');
  assert.equal(providerById('acr').tokenCommand!.lifetimeMs, 3 * 3_600_000);
  assert.equal(providerById('gcp').username, 'oauth2accesstoken');
  assert.equal(providerById('gcp').tokenCommand!.lifetimeMs, 3_600_000);
  assert.equal(providerById('ghcr').listing, 'vendor-api');
  assert.equal(providerById('ecr').quirks.repositoryMustExist, true);
  assert.deepEqual(providerById('ecr').tokenCommand!.argv({ region: 'r', profile: 'p' }), [
    'aws',
    'ecr',
    'get-login-password',
    '--region',
    'r',
    '--profile',
    'p',
  ]);
  assert.throws(() => providerById('ecr').tokenCommand!.argv({}), /--region/);
  assert.throws(() => providerById('nope'), /unknown provider "nope"/);
  for (const preset of PROVIDER_PRESETS) {
    assert.ok(preset.help.length > 0 && preset.usernameHint && preset.secretHint, preset.id);
  }
});

test('OCIR user names and pasted hosts', () => {
  assert.equal(ocirUsername('axabc', 'jane'), 'axabc/jane');
  assert.equal(
    ocirUsername('axabc/', 'jane@example.com', true),
    'axabc/oracleidentitycloudservice/jane@example.com',
  );
  assert.throws(() => ocirUsername('', 'x'));
  assert.equal(
    registryHostOf('docker://user@Registry.Example.com:5000/a/b'),
    'registry.example.com:5000',
  );
});

test('the namespace of a pasted reference drops scheme, host, tag and digest', () => {
  const cases: Array<[string, string | undefined]> = [
    ['ghcr.io', undefined],
    ['ghcr.io/', undefined],
    [' oras://ghcr.io/org/team/app:1 ', 'org/team/app'],
    ['docker://registry.example.org:5000/ns/app@sha256:abc', 'ns/app'],
    ['quay.io/org/', 'org'],
  ];
  for (const [input, namespace] of cases) assert.equal(pastedNamespace(input), namespace, input);
});

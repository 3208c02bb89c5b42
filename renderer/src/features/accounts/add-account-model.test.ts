import assert from 'node:assert/strict';
import { test } from 'node:test';
import { providerInfoOf } from '../../../../main/app/provider-info.js';
import { PROVIDER_PRESETS } from '../../../../main/engine/accounts/providers/provider-presets.js';
import type { ProviderId, ProviderItem } from '../../store/domain.js';
import {
  addRequestOf,
  emptyForm,
  formProblems,
  hostOf,
  loginCommand,
  secretModes,
  type AccountForm,
} from './add-account-model.js';

/** The real presets as `providers:list` gives them. */
const preset = (id: ProviderId): ProviderItem =>
  providerInfoOf(PROVIDER_PRESETS.find((p) => p.id === id)!);
const form = (id: ProviderId, change: Partial<AccountForm> = {}): AccountForm => ({
  ...emptyForm(id, preset(id)),
  ...change,
});

test('cloud providers build their host from its parts and default to their CLI', () => {
  const ecr = form('ecr', { parts: { account: '123456789012', region: 'eu-west-1' } });
  assert.equal(ecr.mode, 'cli');
  assert.equal(hostOf(ecr), '123456789012.dkr.ecr.eu-west-1.amazonaws.com');
  assert.deepEqual(formProblems(ecr, preset('ecr')), {});
  assert.deepEqual(addRequestOf(ecr, preset('ecr')), {
    provider: 'ecr',
    registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    namespace: undefined,
    username: undefined,
    secret: undefined,
    secretKind: undefined,
    tokenCommand: { region: 'eu-west-1', name: undefined, profile: undefined },
    caFile: undefined,
    insecure: undefined,
    plainHttp: undefined,
    skipTest: undefined,
  });
  assert.match(
    loginCommand(ecr, preset('ecr')),
    /^aws ecr get-login-password --region eu-west-1 \| apptainer registry login -u AWS --password-stdin oras:\/\/123456789012/,
  );
  assert.equal(hostOf(form('acr', { parts: { name: 'lab' } })), 'lab.azurecr.io');
  assert.equal(
    hostOf(form('gcp', { parts: { location: 'europe-west4' } })),
    'europe-west4-docker.pkg.dev',
  );
  assert.deepEqual(Object.keys(formProblems(form('ecr'), preset('ecr'))), ['account', 'region']);
});

test('the secret modes follow UI.md S2: CLI first for cloud, anonymous for public registries', () => {
  const modes = (id: ProviderId) => secretModes(preset(id)).map((m) => m.value);
  assert.deepEqual(modes('ecr'), ['cli', 'password']);
  assert.deepEqual(modes('ocir'), ['password']);
  assert.deepEqual(modes('generic'), ['password', 'anonymous']);
  assert.deepEqual(modes('ghcr'), ['password', 'anonymous']);
  assert.match(secretModes(preset('acr'))[0]!.label, /Azure CLI \(tokens last 3 h/);
});

test('a password account needs its user and secret; the request carries them as typed', () => {
  const generic = form('generic', { registry: ' 127.0.0.1:5000 ' });
  assert.deepEqual(Object.keys(formProblems(generic, preset('generic'))), ['username', 'secret']);
  const filled = { ...generic, username: 'tester', secret: 's3cret', namespace: ' team ' };
  assert.deepEqual(formProblems(filled, preset('generic')), {});
  const request = addRequestOf({ ...filled, plainHttp: true }, preset('generic'), true);
  assert.equal(request.registry, '127.0.0.1:5000');
  assert.equal(request.namespace, 'team');
  assert.equal(request.secret, 's3cret');
  assert.equal(request.plainHttp, true);
  assert.equal(request.skipTest, true);
  assert.equal(
    loginCommand(filled, preset('generic')),
    'apptainer registry login -u tester oras://127.0.0.1:5000',
  );
});

test('OCIR builds its user name; ACR asks for a user with a stored secret; GAR uses _json_key', () => {
  const ocir = form('ocir', {
    parts: { region: 'fra', tenancy: 'axns', user: 'a@b.org' },
    federated: true,
    secret: 'tok',
  });
  assert.equal(
    addRequestOf(ocir, preset('ocir')).username,
    'axns/oracleidentitycloudservice/a@b.org',
  );
  assert.deepEqual(
    Object.keys(formProblems({ ...ocir, parts: { region: 'fra' } }, preset('ocir'))),
    ['ocir'],
  );
  const acr = form('acr', { parts: { name: 'lab' }, mode: 'password', secret: 'x' });
  assert.deepEqual(Object.keys(formProblems(acr, preset('acr'))), ['username']);
  const gar = form('gcp', { parts: { location: 'us' }, mode: 'password', secret: '{}' });
  assert.equal(addRequestOf(gar, preset('gcp')).username, '_json_key');
});

test('an anonymous account sends no user and no secret, only secretKind none', () => {
  const open = form('generic', {
    registry: 'r.example',
    mode: 'anonymous',
    username: 'x',
    secret: 'y',
  });
  assert.deepEqual(formProblems(open, preset('generic')), {});
  const request = addRequestOf(open, preset('generic'));
  assert.equal(request.secretKind, 'none');
  assert.equal(request.username, undefined);
  assert.equal(request.secret, undefined);
  assert.equal(
    loginCommand(open, preset('generic')),
    'apptainer pull oras://r.example/REPOSITORY:TAG',
  );
});

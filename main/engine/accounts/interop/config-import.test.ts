import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isSifportError } from '../../errors.js';
import { credentialFromConfigs, importDockerLogins } from './config-import.js';
import { helperStore } from './credential-helpers.js';
import { createFakeHelper, type FakeHelper } from '../../../../e2e/kit/index.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const auth = (user: string, password: string): { auth: string } => ({
  auth: b64(`${user}:${password}`),
});

const APPT = 'apptainer-Pw-111';
const DOCK = 'docker-Pw-222';
const POD = 'podman-Pw-333';
const HELP = 'helper-Pw-444';
const REPO = 'repo-Pw-555';
const IDT = 'identity-Tok-666';
const RGT = 'registry-Tok-777';
/** Every secret these tests use; no error message may contain any of them. */
const SECRETS = [APPT, DOCK, POD, HELP, REPO, IDT, RGT];

describe('importing docker-style logins', () => {
  let fake: FakeHelper;
  let runtime: string;
  const errors: string[] = [];

  const opts = () => ({ env: { ...fake.env, XDG_RUNTIME_DIR: runtime }, home: fake.home });
  const write = async (path: string, value: unknown): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  };
  const files = () => ({
    apptainer: join(fake.home, '.apptainer', 'docker-config.json'),
    legacy: join(fake.home, '.singularity', 'docker-config.json'),
    docker: join(fake.home, '.docker', 'config.json'),
    podmanRuntime: join(runtime, 'containers', 'auth.json'),
    podmanConfig: join(fake.home, '.config', 'containers', 'auth.json'),
  });
  const expectError = async (promise: Promise<unknown>, re: RegExp): Promise<void> => {
    await assert.rejects(promise, (err) => {
      assert.ok(isSifportError(err), String(err));
      assert.match(err.message, re);
      errors.push(err.message);
      return true;
    });
  };

  beforeEach(async () => {
    fake = await createFakeHelper();
    runtime = join(fake.dir, 'run');
  });
  afterEach(async () => {
    for (const message of errors) {
      for (const secret of SECRETS) assert.ok(!message.includes(secret), message);
    }
    errors.length = 0;
    await fake.cleanup();
  });

  it('reads apptainer, legacy, docker and podman files in order with provenance', async () => {
    const f = files();
    await write(f.apptainer, { auths: { 'oras.example.org': auth('ann', APPT) } });
    await write(f.legacy, { auths: { 'old.example.org': auth('sam', 'legacy-pw') } });
    await write(f.docker, {
      auths: {
        'https://index.docker.io/v1/': auth('dan', DOCK),
        'acr.azurecr.io': {
          auth: b64('00000000-0000-0000-0000-000000000000:'),
          identitytoken: IDT,
        },
        'tok.example.org': { registrytoken: RGT },
        'empty.example.org': {},
      },
    });
    await write(f.podmanRuntime, { auths: { 'quay.io/org': auth('pat', POD) } });
    await write(f.podmanConfig, { auths: { 'docker.io': auth('pod', 'pod-hub-pw') } });
    const logins = await importDockerLogins(opts());
    assert.deepEqual(
      logins.map((l) => [
        l.source,
        l.file,
        l.registry,
        l.namespace,
        l.username,
        l.credential?.kind,
      ]),
      [
        ['apptainer', f.apptainer, 'oras.example.org', undefined, 'ann', 'basic'],
        ['apptainer', f.legacy, 'old.example.org', undefined, 'sam', 'basic'],
        ['docker', f.docker, 'docker.io', undefined, 'dan', 'basic'],
        [
          'docker',
          f.docker,
          'acr.azurecr.io',
          undefined,
          '00000000-0000-0000-0000-000000000000',
          'identity-token',
        ],
        ['docker', f.docker, 'tok.example.org', undefined, undefined, 'registry-token'],
        ['podman', f.podmanRuntime, 'quay.io', 'org', 'pat', 'basic'],
        ['podman', f.podmanConfig, 'docker.io', undefined, 'pod', 'basic'],
      ],
    );
    assert.deepEqual(logins[2]!.credential, { kind: 'basic', username: 'dan', password: DOCK });
    assert.equal(logins[2]!.key, 'https://index.docker.io/v1/');
    assert.deepEqual(logins[3]!.credential, {
      kind: 'identity-token',
      username: '00000000-0000-0000-0000-000000000000',
      token: IDT,
    });
  });

  it('reports helper-backed logins without running helpers unless asked', async () => {
    await helperStore('fake', 'ghcr.io', { kind: 'basic', username: 'gh', password: HELP }, opts());
    await helperStore(
      'fake',
      'https://index.docker.io/v1/',
      { kind: 'identity-token', token: IDT },
      opts(),
    );
    await write(files().docker, {
      auths: { 'ghcr.io': {}, 'https://index.docker.io/v1/': {}, 'gone.example.org': {} },
      credsStore: 'fake',
      credHelpers: { 'ghcr.io': 'fake', '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
    });
    const before = await fake.calls();
    const plain = await importDockerLogins(opts());
    assert.deepEqual(await fake.calls(), before, 'no helper ran');
    assert.deepEqual(
      plain.map((l) => [l.registry, l.helper, l.credential]),
      [
        ['ghcr.io', 'fake', undefined],
        ['docker.io', 'fake', undefined],
        ['gone.example.org', 'fake', undefined],
        ['123.dkr.ecr.eu-west-1.amazonaws.com', 'ecr-login', undefined],
      ],
    );

    const resolved = await importDockerLogins({ ...opts(), resolveHelpers: true });
    assert.equal((await fake.calls())['get'], 3, 'one get per helper-backed key');
    assert.deepEqual(resolved[0]!.credential, { kind: 'basic', username: 'gh', password: HELP });
    assert.equal(resolved[0]!.username, 'gh');
    assert.deepEqual(resolved[1]!.credential, { kind: 'identity-token', token: IDT });
    assert.match(resolved[2]!.problem ?? '', /holds no credentials for gone\.example\.org/);
    assert.match(resolved[3]!.problem ?? '', /docker-credential-ecr-login is not installed/);
    assert.match(resolved[3]!.problem ?? '', /amazon-ecr-credential-helper/);
  });

  it('names the malformed file and hides its content', async () => {
    await write(files().docker, `{"auths": {"x.io": {"auth": "${b64(`u:${DOCK}`)}"}}, ${DOCK}`);
    await expectError(importDockerLogins(opts()), /\.docker\/config\.json is not valid JSON/);
    await expectError(credentialFromConfigs('x.io', undefined, opts()), /not valid JSON/);
  });

  describe('credentialFromConfigs (apptainer 1.3+ order, oras.md §5.1)', () => {
    it('uses docker config.json only when the apptainer file does not exist', async () => {
      await write(files().docker, { auths: { 'ghcr.io': auth('dan', DOCK) } });
      assert.deepEqual(await credentialFromConfigs('ghcr.io', 'o/i', opts()), {
        kind: 'basic',
        username: 'dan',
        password: DOCK,
      });
      await write(files().apptainer, { auths: { 'other.io': auth('ann', APPT) } });
      assert.equal(await credentialFromConfigs('ghcr.io', 'o/i', opts()), undefined);
      assert.equal((await credentialFromConfigs('other.io', undefined, opts()))?.kind, 'basic');
    });

    it('honours DOCKER_CONFIG and APPTAINER_CONFIGDIR', async () => {
      const dockerDir = join(fake.dir, 'dockercfg');
      await write(join(dockerDir, 'config.json'), { auths: { 'd.io': auth('d', DOCK) } });
      const env = { ...fake.env, DOCKER_CONFIG: dockerDir };
      assert.equal(
        (await credentialFromConfigs('d.io', undefined, { env, home: fake.home }))?.kind,
        'basic',
      );
      const apptDir = join(fake.dir, 'apptcfg');
      await write(join(apptDir, 'docker-config.json'), { auths: {} });
      const env2 = { ...env, APPTAINER_CONFIGDIR: apptDir };
      assert.equal(
        await credentialFromConfigs('d.io', undefined, { env: env2, home: fake.home }),
        undefined,
      );
    });

    it('prefers the full repository key over the registry key', async () => {
      await write(files().apptainer, {
        auths: { 'ghcr.io/org/img': auth('repo', REPO), 'ghcr.io': auth('host', APPT) },
      });
      assert.equal((await credentialFromConfigs('ghcr.io', 'org/img', opts()))?.kind, 'basic');
      assert.deepEqual(await credentialFromConfigs('ghcr.io', 'org/img', opts()), {
        kind: 'basic',
        username: 'repo',
        password: REPO,
      });
      const other = await credentialFromConfigs('ghcr.io', 'org/other', opts());
      assert.equal(other?.kind === 'basic' && other.username, 'host');
      const none = await credentialFromConfigs('ghcr.io', undefined, opts());
      assert.equal(none?.kind === 'basic' && none.username, 'host');
    });

    it('maps Docker Hub aliases both in the file and in the request', async () => {
      await write(files().docker, {
        auths: {
          'https://index.docker.io/v1/': auth('hub', DOCK),
          'index.docker.io/team/app': auth('team', REPO),
        },
      });
      for (const registry of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
        const c = await credentialFromConfigs(registry, 'library/alpine', opts());
        assert.equal(c?.kind === 'basic' && c.username, 'hub', registry);
      }
      const team = await credentialFromConfigs('docker.io', 'team/app', opts());
      assert.equal(team?.kind === 'basic' && team.username, 'team');
    });

    it('credHelpers beat credsStore, which beats auths', async () => {
      await helperStore('fake', 'b.io', { kind: 'basic', username: 'hb', password: HELP }, opts());
      await write(files().docker, {
        auths: { 'a.io': auth('file', DOCK), 'b.io': auth('file', DOCK) },
        credsStore: 'missing',
        credHelpers: { 'b.io': 'fake' },
      });
      const b = await credentialFromConfigs('b.io', undefined, opts());
      assert.deepEqual(b, { kind: 'basic', username: 'hb', password: HELP });
      await expectError(
        credentialFromConfigs('a.io', undefined, opts()),
        /docker-credential-missing is not installed/,
      );

      await write(files().docker, {
        auths: { 'https://index.docker.io/v1/': {}, 'c.io': auth('file', DOCK) },
        credsStore: 'fake',
      });
      await helperStore(
        'fake',
        'https://index.docker.io/v1/',
        { kind: 'identity-token', token: IDT },
        opts(),
      );
      assert.deepEqual(await credentialFromConfigs('docker.io', 'u/i', opts()), {
        kind: 'identity-token',
        token: IDT,
      });
      // As in docker: with a credsStore the helper decides; the file's secret is not used.
      assert.equal(await credentialFromConfigs('c.io', undefined, opts()), undefined);
    });

    it('falls back to podman auth.json last, by namespace from the longest prefix', async () => {
      await write(files().docker, { auths: { 'ghcr.io': auth('dan', DOCK) } });
      await write(files().podmanRuntime, {
        auths: { 'quay.io/org': auth('org', POD), 'quay.io': auth('any', 'any-pw-1') },
      });
      await write(files().podmanConfig, { auths: { 'ghcr.io': auth('late', 'late-pw-1') } });
      const org = await credentialFromConfigs('quay.io', 'org/team/img', opts());
      assert.equal(org?.kind === 'basic' && org.username, 'org');
      const any = await credentialFromConfigs('quay.io', 'elsewhere/img', opts());
      assert.equal(any?.kind === 'basic' && any.username, 'any');
      const gh = await credentialFromConfigs('ghcr.io', 'o/i', opts());
      assert.equal(gh?.kind === 'basic' && gh.username, 'dan');
      assert.equal(await credentialFromConfigs('nowhere.io', 'a/b', opts()), undefined);
    });

    it('uses a podman credHelpers entry for its registry', async () => {
      await helperStore('fake', 'p.io', { kind: 'basic', username: 'ph', password: HELP }, opts());
      await write(files().podmanConfig, {
        auths: { 'p.io': auth('file', POD) },
        credHelpers: { 'p.io': 'fake' },
      });
      const c = await credentialFromConfigs('p.io', 'a/b', opts());
      assert.equal(c?.kind === 'basic' && c.username, 'ph');
    });
  });
});

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isSifportError } from '../../errors.js';
import {
  apptainerConfigFile,
  dockerConfigFile,
  legacySingularityConfigFile,
  podmanAuthFiles,
} from './config-locations.js';
import {
  decodeAuthEntry,
  helperFor,
  normalizeConfigKey,
  parseDockerConfig,
  readDockerConfig,
  splitConfigKey,
} from './docker-config.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const SECRET = 'pa:ss:w0rd-Secret';

describe('normalizeConfigKey (oras.md §5.3 step 2)', () => {
  const cases: [string, string][] = [
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['https://registry-1.docker.io/v2/', 'docker.io'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
    ['https://GHCR.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['quay.io/org/image', 'quay.io/org/image'],
    ['https://registry.example.com:8443/team/', 'registry.example.com:8443/team'],
    ['index.docker.io/library/alpine', 'docker.io/library/alpine'],
  ];
  for (const [key, want] of cases) {
    it(`${key} → ${want}`, () => assert.equal(normalizeConfigKey(key), want));
  }
  it('splits registry and namespace', () => {
    assert.deepEqual(splitConfigKey('quay.io/org/image'), {
      registry: 'quay.io',
      namespace: 'org/image',
    });
    assert.deepEqual(splitConfigKey('docker.io'), { registry: 'docker.io' });
  });
});

describe('decodeAuthEntry (oras.md §5.2)', () => {
  it('splits auth at the first colon', () => {
    assert.deepEqual(decodeAuthEntry({ auth: b64(`alice:${SECRET}`) }), {
      username: 'alice',
      credential: { kind: 'basic', username: 'alice', password: SECRET },
    });
  });
  it('reads username and password members', () => {
    assert.deepEqual(decodeAuthEntry({ username: 'bob', password: 'pw-1234' }), {
      username: 'bob',
      credential: { kind: 'basic', username: 'bob', password: 'pw-1234' },
    });
  });
  it('reads an identity token, keeping the user name from auth', () => {
    assert.deepEqual(decodeAuthEntry({ auth: b64('carol:'), identitytoken: 'refresh-tok' }), {
      username: 'carol',
      credential: { kind: 'identity-token', username: 'carol', token: 'refresh-tok' },
    });
    assert.deepEqual(decodeAuthEntry({ identitytoken: 'refresh-tok' }), {
      username: undefined,
      credential: { kind: 'identity-token', token: 'refresh-tok' },
    });
  });
  it('reads a registry token', () => {
    assert.deepEqual(decodeAuthEntry({ registrytoken: 'bearer-tok', email: 'x@y' }), {
      username: undefined,
      credential: { kind: 'registry-token', token: 'bearer-tok' },
    });
  });
  it('yields no credential for markers and junk', () => {
    assert.deepEqual(decodeAuthEntry({}), { username: undefined });
    assert.deepEqual(decodeAuthEntry(null), {});
    assert.deepEqual(decodeAuthEntry('text'), {});
    assert.deepEqual(decodeAuthEntry({ auth: '!!not base64!!' }), { username: undefined });
    assert.deepEqual(decodeAuthEntry({ auth: b64('no-colon-here') }), { username: undefined });
    assert.deepEqual(decodeAuthEntry({ auth: 42, identitytoken: [] }), { username: undefined });
  });
});

describe('parseDockerConfig', () => {
  it('reads auths, credsStore and credHelpers, ignoring junk members', () => {
    const config = parseDockerConfig(
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hub:hubpass') },
          'ghcr.io': {},
          '': { auth: b64('x:y') },
        },
        credsStore: 'desktop',
        credHelpers: { 'europe-west1-docker.pkg.dev': 'gcloud', 'bad.io': 7 },
        psFormat: 'table',
      }),
      '/tmp/config.json',
    );
    assert.equal(config.file, '/tmp/config.json');
    assert.deepEqual(
      config.auths.map((a) => [a.key, a.normalizedKey, a.credential?.kind]),
      [
        ['https://index.docker.io/v1/', 'docker.io', 'basic'],
        ['ghcr.io', 'ghcr.io', undefined],
      ],
    );
    assert.equal(config.credsStore, 'desktop');
    assert.deepEqual(config.credHelpers, [
      { key: 'europe-west1-docker.pkg.dev', helper: 'gcloud' },
    ]);
    assert.equal(helperFor(config, 'europe-west1-docker.pkg.dev'), 'gcloud');
    assert.equal(helperFor(config, 'ghcr.io'), 'desktop');
  });

  it('tolerates wrong types for whole members and an empty file', () => {
    const config = parseDockerConfig('{"auths": [], "credsStore": 3, "credHelpers": "x"}', 'f');
    assert.deepEqual(config, { file: 'f', auths: [], credsStore: undefined, credHelpers: [] });
    assert.deepEqual(parseDockerConfig('  \n', 'f'), { file: 'f', auths: [], credHelpers: [] });
  });

  it('names the file and the position of malformed JSON, never its content', () => {
    const source = `{\n  "auths": {"x.io": {"auth": "${b64(`u:${SECRET}`)}"}},\n  oops ${SECRET}\n}`;
    assert.throws(
      () => parseDockerConfig(source, '/home/u/.docker/config.json'),
      (err) => {
        assert.ok(isSifportError(err, 'CONFIG_INVALID'));
        assert.match(err.message, /\/home\/u\/\.docker\/config\.json is not valid JSON/);
        assert.match(err.message, /line 3, column 3/);
        assert.ok(!err.message.includes(SECRET) && !err.message.includes('oops'), err.message);
        assert.equal(err.cause, undefined);
        return true;
      },
    );
    assert.throws(
      () => parseDockerConfig('[1,2]', 'f.json'),
      /f\.json does not hold a JSON object/,
    );
  });
});

describe('readDockerConfig and locations', () => {
  const dir = suiteTempDir('sifport-dockercfg-');

  it('resolves undefined for a missing file and FILE_ERROR for a directory', async () => {
    assert.equal(await readDockerConfig(join(dir.path, 'absent.json')), undefined);
    await mkdir(join(dir.path, 'isdir.json'));
    await assert.rejects(readDockerConfig(join(dir.path, 'isdir.json')), (err) =>
      isSifportError(err, 'FILE_ERROR'),
    );
    await writeFile(
      join(dir.path, 'ok.json'),
      '{"auths":{"a.io":{"auth":"' + b64('u:p1234') + '"}}}',
    );
    assert.equal((await readDockerConfig(join(dir.path, 'ok.json')))?.auths.length, 1);
  });

  it('finds each file from env and home', () => {
    const home = '/h';
    assert.equal(dockerConfigFile({ env: {}, home }), '/h/.docker/config.json');
    assert.equal(dockerConfigFile({ env: { DOCKER_CONFIG: '/d' }, home }), '/d/config.json');
    assert.equal(apptainerConfigFile({ env: {}, home }), '/h/.apptainer/docker-config.json');
    assert.equal(
      apptainerConfigFile({ env: { APPTAINER_CONFIGDIR: '/a' }, home }),
      '/a/docker-config.json',
    );
    assert.equal(
      legacySingularityConfigFile({ env: {}, home }),
      '/h/.singularity/docker-config.json',
    );
    assert.deepEqual(podmanAuthFiles({ env: { XDG_RUNTIME_DIR: '/run/user/1' }, home }), [
      '/run/user/1/containers/auth.json',
      '/h/.config/containers/auth.json',
    ]);
    assert.deepEqual(
      podmanAuthFiles({ env: { REGISTRY_AUTH_FILE: '/r.json', XDG_RUNTIME_DIR: '/run' }, home }),
      ['/r.json', '/h/.config/containers/auth.json'],
    );
    assert.deepEqual(podmanAuthFiles({ env: { XDG_CONFIG_HOME: '/x' }, home }), [
      '/x/containers/auth.json',
    ]);
  });
});

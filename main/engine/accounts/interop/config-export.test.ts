import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isSifportError } from '../../errors.js';
import type { Credential } from '../../registry/auth/credentials.js';
import { credentialFromConfigs, importDockerLogins } from './config-import.js';
import { exportDockerConfig, exportKey, writeDockerConfig } from './config-export.js';
import { hasPosixModes } from '../stores/private-file.js';
import { suiteTempDir } from '../../../../e2e/kit/index.js';

const ENTRIES: { registry: string; credential: Credential }[] = [
  { registry: 'docker.io', credential: { kind: 'basic', username: 'hub', password: 'hub:pw:1' } },
  { registry: 'ghcr.io', credential: { kind: 'basic', username: 'gh', password: 'ghp_Secret9' } },
  {
    registry: 'acr.azurecr.io',
    credential: {
      kind: 'identity-token',
      username: '00000000-0000-0000-0000-000000000000',
      token: 'acr-refresh-1',
    },
  },
  { registry: 'id.example.org', credential: { kind: 'identity-token', token: 'bare-refresh-2' } },
  { registry: '127.0.0.1:5000', credential: { kind: 'registry-token', token: 'bearer-3' } },
  { registry: 'quay.io/org', credential: { kind: 'basic', username: 'org+bot', password: 'q-4' } },
];

describe('exporting a docker-config.json (oras.md §5.1)', () => {
  const dir = suiteTempDir('sifport-export-');

  it('uses the keys apptainer looks up', () => {
    assert.equal(exportKey('docker.io'), 'https://index.docker.io/v1/');
    assert.equal(exportKey('index.docker.io'), 'https://index.docker.io/v1/');
    assert.equal(exportKey('docker.io/team/app'), 'index.docker.io/team/app');
    assert.equal(exportKey('127.0.0.1:5000'), '127.0.0.1:5000');
  });

  it('writes docker/cli encodings', () => {
    const json = JSON.parse(exportDockerConfig(ENTRIES)) as { auths: Record<string, unknown> };
    assert.deepEqual(json.auths['https://index.docker.io/v1/'], {
      auth: Buffer.from('hub:hub:pw:1').toString('base64'),
    });
    assert.deepEqual(json.auths['acr.azurecr.io'], {
      auth: Buffer.from('00000000-0000-0000-0000-000000000000:').toString('base64'),
      identitytoken: 'acr-refresh-1',
    });
    assert.deepEqual(json.auths['id.example.org'], { identitytoken: 'bare-refresh-2' });
    assert.deepEqual(json.auths['127.0.0.1:5000'], { registrytoken: 'bearer-3' });
    assert.deepEqual(Object.keys(json), ['auths']);
  });

  it('refuses two logins for one key without quoting secrets', () => {
    const twice = [ENTRIES[0]!, { ...ENTRIES[1]!, registry: 'index.docker.io' }];
    assert.throws(
      () => exportDockerConfig(twice),
      (err) => isSifportError(err, 'USAGE') && !err.message.includes('ghp_Secret9'),
    );
  });

  it('round-trips: export, write, import gives the same credentials', async () => {
    const home = join(dir.path, 'home');
    const file = join(home, '.apptainer', 'docker-config.json');
    await writeDockerConfig(file, exportDockerConfig(ENTRIES));
    const options = { env: {}, home };
    const logins = await importDockerLogins(options);
    assert.deepEqual(
      logins.map((l) => ({
        registry: l.namespace ? `${l.registry}/${l.namespace}` : l.registry,
        credential: l.credential,
      })),
      ENTRIES,
    );
    assert.ok(logins.every((l) => l.source === 'apptainer' && l.file === file));
    assert.deepEqual(
      await credentialFromConfigs('docker.io', 'library/alpine', options),
      ENTRIES[0]!.credential,
    );
    assert.deepEqual(
      await credentialFromConfigs('quay.io', 'org', options),
      ENTRIES[5]!.credential,
    );
  });

  it(
    'writes mode 0600 atomically, creating missing directories 0700',
    { skip: !hasPosixModes() },
    async () => {
      const file = join(dir.path, 'new', 'sub', 'docker-config.json');
      await writeDockerConfig(file, '{"auths":{}}\n');
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.equal((await stat(join(dir.path, 'new', 'sub'))).mode & 0o777, 0o700);
      await writeFile(file, 'old', { mode: 0o644 });
      await chmod(file, 0o644);
      await writeDockerConfig(file, exportDockerConfig(ENTRIES.slice(0, 1)));
      assert.equal((await stat(file)).mode & 0o777, 0o600);
      assert.match(await readFile(file, 'utf8'), /index\.docker\.io/);
      assert.deepEqual(
        await readdir(join(dir.path, 'new', 'sub')),
        ['docker-config.json'],
        'no temp left',
      );
    },
  );

  it(
    'leaves the permissions of an existing directory alone',
    { skip: !hasPosixModes() },
    async () => {
      const shared = join(dir.path, 'shared');
      await mkdir(shared, { mode: 0o755 });
      await chmod(shared, 0o755);
      await writeDockerConfig(join(shared, 'cfg.json'), '{}\n');
      assert.equal((await stat(shared)).mode & 0o777, 0o755);
    },
  );

  it('reports a write failure as FILE_ERROR naming the path', async () => {
    const blocker = join(dir.path, 'blocker');
    await writeFile(blocker, 'x');
    await assert.rejects(writeDockerConfig(join(blocker, 'cfg.json'), '{}'), (err) => {
      assert.ok(isSifportError(err, 'FILE_ERROR'));
      assert.match(err.message, /blocker\/cfg\.json/);
      return true;
    });
  });
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { testHandlerDeps } from '../../e2e/kit/app-deps.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';

test('app:info says the version, profile, proxy without credentials and import sources', async () => {
  const handlers = createHandlers(
    testHandlerDeps({
      emit: () => undefined,
      info: {
        version: '1.2.3',
        platform: 'linux',
        profileDir: '/home/ada/.config/sifport',
        proxy: {
          httpsProxy: 'http://ada:hunter2@proxy.lab:3128',
          noProxy: '.lab,10.0.0.0/8',
          systemProxy: async () => 'DIRECT',
        },
        env: {
          NODE_EXTRA_CA_CERTS: '/etc/ssl/lab-ca.pem',
          DOCKER_CONFIG: '/srv/docker',
          XDG_RUNTIME_DIR: '/run/user/1000',
        },
        home: '/home/ada',
      },
    }),
  );
  const answer = await dispatch(handlers, 'app:info', {});
  assert.ok(answer.ok);
  assert.deepEqual(answer.value, {
    version: '1.2.3',
    platform: 'linux',
    profileDir: '/home/ada/.config/sifport',
    proxy: {
      source: 'environment',
      httpsProxy: 'http://proxy.lab:3128',
      noProxy: '.lab,10.0.0.0/8',
      bypassLoopback: true,
    },
    extraCaFile: '/etc/ssl/lab-ca.pem',
    importSources: [
      { source: 'apptainer', file: join('/home/ada', '.apptainer', 'docker-config.json') },
      { source: 'apptainer', file: join('/home/ada', '.singularity', 'docker-config.json') },
      { source: 'docker', file: join('/srv/docker', 'config.json') },
      { source: 'podman', file: join('/run/user/1000', 'containers', 'auth.json') },
      { source: 'podman', file: join('/home/ada', '.config', 'containers', 'auth.json') },
    ],
  });
  assert.doesNotMatch(JSON.stringify(answer.value), /hunter2|ada:/);
});

test('app:info without a proxy or extra CA says so', async () => {
  const handlers = createHandlers(testHandlerDeps({ emit: () => undefined }));
  const answer = await dispatch(handlers, 'app:info', {});
  assert.ok(answer.ok);
  assert.deepEqual((answer.value as { proxy: unknown }).proxy, {
    source: 'none',
    bypassLoopback: true,
  });
  assert.equal('extraCaFile' in (answer.value as object), false);
});

import { RegistryClient, type RegistryOptions } from '../../main/engine/registry/client.js';
import {
  startRecordingServer,
  type RecordingHandler,
  type RecordingServer,
} from './recording-server.js';
import {
  startFakeRegistry,
  type FakeRegistry,
  type FakeRegistryOptions,
} from '../support/fake-registry.js';
import { FAST_RETRY } from './retry.js';
import { suiteResource } from './suite-resource.js';

/**
 * A client for a registry fake on 127.0.0.1: plain HTTP and the kit's {@link FAST_RETRY},
 * then `options` (credentials, a clock, another retry policy; `plainHttp: false` to go
 * through the loopback TLS probe as a user's client would). Close it when done.
 */
export function loopbackClient(
  host: string,
  options: Partial<RegistryOptions> = {},
): RegistryClient {
  return new RegistryClient({ registry: host, plainHttp: true, retry: FAST_RETRY, ...options });
}

/** A suite's recording registry; read the fields in tests and later hooks. */
export interface SuiteRegistry {
  /** What the fake received (`requests`, `unexpected`) and where it listens. */
  readonly server: RecordingServer;
  /** A {@link loopbackClient} to it. */
  readonly client: RegistryClient;
}

/**
 * Registers hooks on the current suite: `before` starts a recording server answering with
 * `handler` and opens a {@link loopbackClient} to it (`options` as there); `after` closes both.
 * For the suites that test one registry API against a hand-made registry.
 */
export function suiteRecordingRegistry(
  handler: RecordingHandler,
  options: Partial<RegistryOptions> = {},
): SuiteRegistry {
  return suiteResource(
    'the recording registry',
    async () => {
      const server = await startRecordingServer(handler);
      return { server, client: loopbackClient(server.host, options) };
    },
    async ({ server, client }) => {
      client.close();
      await server.close();
    },
  );
}

/**
 * Registers hooks on the current suite: `before` starts the test bed's in-memory fake
 * registry with `options`, `after` stops it. For suites that push and pull against a
 * registry that needs no test bed.
 */
export function suiteFakeRegistry(options?: FakeRegistryOptions): FakeRegistry {
  return suiteResource(
    'the fake registry',
    () => startFakeRegistry(options),
    (fake) => fake.stop(),
  );
}

/**
 * Runs `body` with `client` and closes the client afterwards, however `body` ends: the
 * try/finally of every test that opens a client of its own.
 */
export async function withClient<T>(
  client: RegistryClient,
  body: (client: RegistryClient) => Promise<T>,
): Promise<T> {
  try {
    return await body(client);
  } finally {
    client.close();
  }
}

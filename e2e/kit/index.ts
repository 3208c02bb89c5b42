/**
 * The one door for test helpers: unit tests under `main/` import what they share from here
 * (`e2e/kit/index.js`), never from `e2e/support/` or from each other. Nothing imported here
 * has side effects. The exception is `cli-harness.js`, which registers `before`/`after` hooks
 * when imported, so CLI tests import it by name. Not part of the build (`tsconfig.node.json`
 * includes only main/, shared/ and preload/), so none of this is ever shipped.
 */

// Fixture files, policies and pollers made for tests.
export * from './fixtures.js';
export * from './sif-fixtures.js';
export * from './sif-files.js';
export * from './retry.js';
export * from './poll.js';
export * from './failure.js';
export * from './temp-dir.js';
export * from './blob-files.js';
export * from './tls-server.js';
export * from './suite-resource.js';
export * from './commands.js';
export * from './go-verifier.js';
export * from './recording-server.js';
export * from './registry-fakes.js';
export * from './endless-registry.js';
export * from './recording-connector.js';
export * from './oci-index.js';
export * from './fake-clouds.js';
export * from './fake-credential-helper.js';
export * from './recording-connector.js';
export * from './fake-sifport-api.js';

// From the registry test bed (e2e/support/): what unit tests use of it.
export { loadTestBed, testBedSkipReason } from '../support/testbed-env.js';
export { startFakeRegistry } from '../support/fake-registry.js';
export type { FakeRegistry, FakeRegistryOptions } from '../support/fake-registry.js';
export { startFaultProxy } from '../support/fault-proxy.js';
export { startTestSocksProxy, TEST_SOCKS_LOGIN } from '../support/socks-proxy.js';
export type { TestSocksOptions } from '../support/socks-proxy.js';
export { FakeCloudClis, fakeToken } from '../support/fake-cloud-cli.js';
export { SlowUplink } from '../support/slow-uplink.js';
export { ensurePki } from '../support/pki.js';
export { listenOnLoopback } from '../support/loopback-server.js';
export type { LoopbackServer } from '../support/loopback-server.js';
export { pickFreePort } from '../support/free-port.js';

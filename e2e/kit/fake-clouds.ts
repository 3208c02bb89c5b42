import { FakeCloudClis } from '../support/fake-cloud-cli.js';
import { suiteResource } from './suite-resource.js';

/**
 * Registers hooks on the current suite: `before` writes fake cloud CLIs for `names` (see
 * {@link FakeCloudClis}: put `path()` on PATH, read `calls()`), `after` removes them. For the
 * suites of cloud-command accounts (ECR, ACR, GCP tokens).
 */
export function suiteFakeCloudClis(names?: readonly string[]): FakeCloudClis {
  return suiteResource(
    'the fake cloud CLIs',
    () => FakeCloudClis.create(names),
    (fakes) => fakes.remove(),
  );
}

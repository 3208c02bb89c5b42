import type { RequestOf } from '../../../shared/contract.js';
import type { TestBedInfo } from '../../support/testbed-types.js';

/** The registries of the test bed: `open` takes no login (an anonymous account). */
export type BedRegistry = 'open' | 'basic' | 'bearer' | 'tls';

/**
 * The `accounts:add` request for one registry of the bed: an anonymous account for `open`,
 * else logged in as `tester` (pull, push, delete and catalog everywhere). Tests seed accounts
 * with it through {@link openWindow}'s `accounts` option when adding them is not what the
 * test is about.
 */
export function bedAccount(bed: TestBedInfo, registry: BedRegistry): RequestOf<'accounts:add'> {
  const connection = registry === 'tls' ? { caFile: bed.caFile } : { plainHttp: true };
  if (registry === 'open') {
    return { provider: 'generic', registry: bed.open.host, secretKind: 'none', ...connection };
  }
  return {
    provider: 'generic',
    registry: bed[registry].host,
    username: bed.users.tester.username,
    secret: bed.users.tester.password,
    ...connection,
  };
}

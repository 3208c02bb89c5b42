import type { RequestOf } from '../../../shared/contract.js';
import type { TestBedInfo } from '../../support/testbed-types.js';

/** The registries of the test bed that take a login (an account needs a secret today). */
export type BedRegistry = 'basic' | 'bearer' | 'tls';

/**
 * The `accounts:add` request for one registry of the bed, logged in as `tester` (pull, push,
 * delete and catalog everywhere). Tests seed accounts with it through {@link openWindow}'s
 * `accounts` option when adding them is not what the test is about.
 */
export function bedAccount(bed: TestBedInfo, registry: BedRegistry): RequestOf<'accounts:add'> {
  return {
    provider: 'generic',
    registry: bed[registry].host,
    username: bed.users.tester.username,
    secret: bed.users.tester.password,
    ...(registry === 'tls' ? { caFile: bed.caFile } : { plainHttp: true }),
  };
}

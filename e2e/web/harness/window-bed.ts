import { loadTestBed, testBedSkipReason } from '../../support/testbed-env.js';
import type { TestBedInfo } from '../../support/testbed-types.js';
import { chromiumSkipReason } from '../browser.js';

/**
 * The registry test bed for a window test that needs one, and the `{ skip }` its `describe`
 * takes: why it cannot run (no Chromium, no bed running), else false.
 */
export function windowTestBed(): {
  readonly bed: TestBedInfo | undefined;
  readonly skip: string | false;
} {
  const bed = loadTestBed();
  return { bed, skip: chromiumSkipReason ?? (bed ? false : testBedSkipReason) };
}

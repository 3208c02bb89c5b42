import type { PushResult } from './push.js';

/**
 * How the SIF got into the registry, in a few words for people: the CLI's result line, the
 * app's transfer list and its desktop notification all say the same.
 */
export function describePush(result: Pick<PushResult, 'blob' | 'mountedFrom'>): string {
  if (result.blob === 'present') return 'the registry already had the SIF';
  if (result.blob === 'mounted')
    return `SIF mounted from ${result.mountedFrom ?? 'another repository'}`;
  return 'SIF uploaded';
}

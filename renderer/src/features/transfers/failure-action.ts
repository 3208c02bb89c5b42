import type { AccountItem, TransferView } from '../../store/domain.js';

/**
 * The one action a failed transfer offers, chosen by its error code (UI.md S9, the brief's
 * "every error says what to do next"): each kind says what the button does.
 */
export type FailureAction =
  | { readonly kind: 'renew'; readonly label: string; readonly accountId: string }
  | { readonly kind: 'login'; readonly label: string; readonly registry: string }
  | { readonly kind: 'retry'; readonly label: string; readonly at?: number }
  | { readonly kind: 'resume'; readonly label: string }
  | { readonly kind: 'settings'; readonly label: string; readonly section: string }
  /** Nothing to press: what to do is said in words. */
  | { readonly kind: 'explain'; readonly text: string };

/** The registry host of an `oras://HOST/…` reference. */
export function registryOf(reference: string): string {
  return /^oras:\/\/([^/]+)/.exec(reference)?.[1] ?? reference;
}

const RETRY_CODES = new Set([
  'NETWORK',
  'DIGEST_MISMATCH',
  'SIZE_MISMATCH',
  'SERVER_ERROR',
  'UPLOAD_INVALID',
]);

/**
 * The action for a failed, cancelled or interrupted job, or undefined when there is none.
 * `accounts` decides between Renew (a cloud account mints a new token) and Log in again.
 */
export function failureAction(
  job: TransferView,
  accounts: readonly AccountItem[],
  clock: (ms: number) => string,
): FailureAction | undefined {
  if (job.state === 'interrupted') return { kind: 'resume', label: 'Resume' };
  if (job.state === 'cancelled') return { kind: 'retry', label: 'Retry' };
  if (job.state !== 'failed' || !job.error) return undefined;
  const registry = registryOf(job.reference);
  const repository = job.reference.replace(/^oras:\/\/[^/]+\//, '').replace(/[:@].*$/, '');
  switch (job.error.code) {
    case 'AUTH_REQUIRED': {
      const account = accounts.find((a) => a.registry === registry);
      return account?.secretKind === 'cloud-command'
        ? { kind: 'renew', label: 'Renew the token', accountId: account.id }
        : { kind: 'login', label: 'Log in again', registry };
    }
    case 'RATE_LIMITED':
      return job.nextRetryAt && job.nextRetryAt > Date.now()
        ? { kind: 'retry', label: `Retry at ${clock(job.nextRetryAt)}`, at: job.nextRetryAt }
        : { kind: 'retry', label: 'Retry' };
    case 'TLS':
    case 'INSECURE_REFUSED':
      return { kind: 'settings', label: 'CA settings', section: 'network' };
    case 'NOT_FOUND':
      return {
        kind: 'explain',
        text: `${repository} or its tag is not on ${registry}, or this account cannot see it: check the name, or use an account that has access.`,
      };
    case 'DENIED':
      return {
        kind: 'explain',
        text: `${registry} does not let this account write to ${repository}: ask its admin for push access, or push with another account.`,
      };
    default:
      return RETRY_CODES.has(job.error.code) || job.error.retryable
        ? { kind: 'retry', label: 'Retry' }
        : undefined;
  }
}

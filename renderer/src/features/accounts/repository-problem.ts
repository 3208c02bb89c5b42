import type { AccountItem, ProviderItem } from '../../store/domain.js';
import type { CallFailure } from './account-status.js';

/**
 * Why an account's repositories could not be listed, as the account page answers it
 * (UI.md S4): the catalog is refused (add by name), the login is refused (renew, log in
 * again), the registry is unreachable or its TLS failed (retry, network settings), or else.
 */
export type ListProblem = 'catalog' | 'auth' | 'network' | 'other';

/** The {@link ListProblem} of a failed `registry:repos`. */
export function listProblem(
  error: CallFailure,
  account: Pick<AccountItem, 'capabilities'>,
  provider: Pick<ProviderItem, 'listing'> | undefined,
): ListProblem {
  switch (error.code) {
    case 'DENIED':
    case 'UNSUPPORTED':
    case 'NOT_FOUND':
      return 'catalog';
    case 'AUTH_REQUIRED':
      // A login that pulls but may not list: the catalog is what is refused.
      if (account.capabilities?.pull && account.capabilities.catalog !== true) return 'catalog';
      return provider && provider.listing !== 'catalog' ? 'catalog' : 'auth';
    case 'TLS':
    case 'INSECURE_REFUSED':
    case 'NETWORK':
    case 'SERVER_ERROR':
    case 'RATE_LIMITED':
      return 'network';
    default:
      return 'other';
  }
}

/** Repositories the window remembers for an account (pinned, then recent), without repeats. */
export function rememberedRepositories(
  pinned: readonly string[] | undefined,
  recent: readonly string[] | undefined,
): string[] {
  return [...new Set([...(pinned ?? []), ...(recent ?? [])])];
}

/** Repositories whose name contains `filter` (case-insensitive), in their order. */
export function filterRepositories(
  repositories: readonly string[],
  filter: string,
): readonly string[] {
  const needle = filter.trim().toLowerCase();
  return needle ? repositories.filter((r) => r.toLowerCase().includes(needle)) : repositories;
}

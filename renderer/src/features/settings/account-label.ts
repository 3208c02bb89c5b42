import type { AccountItem } from '../../store/domain.js';

/**
 * How Settings and the palette name an account: "alice @ ghcr.io/lab" (user, host, and the
 * namespace it is scoped to), as the toolbar's breadcrumb does.
 */
export function accountLabel(account: Pick<AccountItem, 'username' | 'registry' | 'namespace'>) {
  const where = account.namespace ? `${account.registry}/${account.namespace}` : account.registry;
  return `${account.username || 'anonymous'} @ ${where}`;
}

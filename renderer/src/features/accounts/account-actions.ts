import type { ReactNode } from 'react';
import type { SifportState } from '../../store/store.js';
import type { AccountItem } from '../../store/domain.js';
import type { MenuEntry } from '../../ui/menu.js';
import { copyText } from '../../ui/copy-button.js';
import { accountUser } from './account-status.js';
import type { PaneTarget } from '../shell/view-slice.js';

/** `apptainer registry login -u USER oras://HOST`: the same login for apptainer. */
export function apptainerLogin(account: AccountItem): string {
  return `apptainer registry login -u ${accountUser(account)} oras://${account.registry}`;
}

/** The repository "Open in split" shows for an account: its first pinned, else its latest. */
export function splitTarget(state: SifportState, account: AccountItem): PaneTarget | undefined {
  const repository =
    state.settings.pinnedRepositories[account.id]?.[0] ??
    state.settings.recentRepositories[account.id]?.[0];
  return repository ? { accountId: account.id, registry: account.registry, repository } : undefined;
}

/** Icons of the menu entries, given by the caller so this module stays free of JSX. */
export type MenuIcons = Readonly<Partial<Record<string, ReactNode>>>;

/**
 * The actions of an account (UI.md S3 context menu), the same in the sidebar's menu, its ⋮
 * button and the account page: each disabled with its reason in the label when it cannot
 * apply (Renew without a cloud token, Export without a login).
 */
export function accountMenuEntries(
  state: SifportState,
  account: AccountItem,
  icons: MenuIcons = {},
): MenuEntry[] {
  const anonymous = account.secretKind === 'none';
  const split = splitTarget(state, account);
  return [
    {
      id: 'test',
      label: 'Test',
      icon: icons['test'],
      disabled: state.tests[account.id]?.status === 'testing',
      onAction: () => void state.testAccount(account.id),
    },
    {
      id: 'renew',
      label: account.secretKind === 'cloud-command' ? 'Renew token' : 'Renew (cloud tokens only)',
      icon: icons['renew'],
      disabled: account.secretKind !== 'cloud-command',
      onAction: () => void state.renewAccount(account.id),
    },
    {
      id: 'add-repository',
      label: 'Add repository by name…',
      icon: icons['add-repository'],
      onAction: () => state.openDialog({ kind: 'add-repository', accountId: account.id }),
    },
    { id: 'sep-1', separator: true },
    {
      id: 'copy-login',
      label: anonymous ? 'Copy login command (no login needed)' : 'Copy apptainer login command',
      icon: icons['copy-login'],
      disabled: anonymous,
      onAction: () =>
        void copyText(apptainerLogin(account)).then((ok) =>
          state.announce(ok ? 'Login command copied.' : 'The clipboard refused the copy.'),
        ),
    },
    {
      id: 'export',
      label: anonymous ? 'Export docker-config… (no login to export)' : 'Export docker-config…',
      icon: icons['export'],
      disabled: anonymous,
      onAction: () => state.openDialog({ kind: 'export-account', accountId: account.id }),
    },
    {
      id: 'split',
      label: split
        ? `Open ${split.repository} in split`
        : 'Open in split (open a repository first)',
      icon: icons['split'],
      disabled: !split,
      onAction: () => split && state.openRepository(split, 1),
    },
    { id: 'sep-2', separator: true },
    {
      id: 'remove',
      label: 'Remove…',
      icon: icons['remove'],
      danger: true,
      onAction: () => state.openDialog({ kind: 'remove-account', accountId: account.id }),
    },
  ];
}

/**
 * The actions of a repository row (sidebar, account page): open it, open it in the other
 * pane, pin or unpin it, copy its `oras://` reference.
 */
export function repositoryMenuEntries(
  state: SifportState,
  target: PaneTarget,
  icons: MenuIcons = {},
): MenuEntry[] {
  const pinned = state.settings.pinnedRepositories[target.accountId]?.includes(target.repository);
  return [
    {
      id: 'open',
      label: 'Open',
      icon: icons['open'],
      onAction: () => state.openRepository(target),
    },
    {
      id: 'split',
      label: 'Open in split',
      icon: icons['split'],
      onAction: () => state.openRepository(target, 1),
    },
    {
      id: pinned ? 'unpin' : 'pin',
      label: pinned ? 'Unpin from the sidebar' : 'Pin to the sidebar',
      icon: icons[pinned ? 'unpin' : 'pin'],
      onAction: () => state.togglePin(target.accountId, target.repository),
    },
    {
      id: 'copy',
      label: 'Copy oras:// reference',
      icon: icons['copy'],
      onAction: () =>
        void copyText(`oras://${target.registry}/${target.repository}`).then((ok) =>
          state.announce(ok ? 'Reference copied.' : 'The clipboard refused the copy.'),
        ),
    },
  ];
}
